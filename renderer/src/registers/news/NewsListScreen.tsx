import { Anchor, Badge, Group, Select, Stack, Text } from '@mantine/core';
import { IconFolderOpen, IconPrinter } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { NEWS_STATUS_LABELS, NEWS_STATUSES, type NewsListRow, type NewsStatus } from '@shared/contract/news';
import { formatDate } from '@shared/russian';
import { useCall } from '@renderer/api/client';
import { DataTable, type Column } from '@renderer/components/DataTable';
import { EmptyState, ScreenHeader } from '@renderer/components/screen';
import { useUrlFilters } from '@renderer/components/useUrlFilters';
import { newsPath, sourcePath } from './paths';

const COLUMNS: Column<NewsListRow>[] = [
  { header: 'Дата', width: 110, nowrap: true, render: (n) => formatDate(n.day) },
  {
    header: 'О чём новость',
    minWidth: 320,
    render: (n) => (
      <Stack gap={0}>
        {/* The row opens the news item; the link, what it tells of. */}
        <Anchor component={Link} to={sourcePath(n)} size="sm" onClick={(e) => e.stopPropagation()}>
          {n.source}
        </Anchor>
        {n.headline ? (
          <Text size="xs" c="dimmed">
            {n.headline}
          </Text>
        ) : null}
      </Stack>
    ),
  },
  {
    header: 'Состояние',
    width: 140,
    render: (n) => (
      <Badge color={n.status === 'published' ? 'green' : 'gray'} variant="light">
        {NEWS_STATUS_LABELS[n.status]}
      </Badge>
    ),
  },
  { header: 'Опубликована', width: 130, nowrap: true, render: (n) => (n.publishedOn ? formatDate(n.publishedOn) : '—') },
  {
    header: 'Мероприятие плана',
    minWidth: 220,
    render: (n) => (n.planItem ? `${n.planItem.title} (план на ${n.planItem.year} год)` : '—'),
  },
];

/**
 * Новости для сайта: every news item of the center, of a year (of the meeting or event it tells
 * of) or all, drafts and published ones; a row opens the item, its link the meeting or event.
 * News items are drafted on the pages of held meetings and events («Новость для сайта»).
 */
export function NewsListScreen() {
  const { params, setFilter } = useUrlFilters();
  const year = Number(params.get('year')) || null;
  const status = (NEWS_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as NewsStatus) : null;
  const list = useCall('news.list', { year, status }, { placeholderData: keepPreviousData });
  const navigate = useNavigate();
  return (
    <>
      <ScreenHeader
        title="Новости для сайта"
        description="Новости о проведённых заседаниях и мероприятиях: составляются на их страницах кнопкой «Новость для сайта»"
      />
      <Group mb="md" align="flex-end">
        <Select
          label="Год"
          w={120}
          clearable
          placeholder="Все"
          data={(list.data?.years ?? []).map(String)}
          value={year === null ? null : String(year)}
          onChange={(v) => setFilter('year', v)}
        />
        <Select
          label="Состояние"
          w={170}
          clearable
          placeholder="Любое"
          data={NEWS_STATUSES.map((s) => ({ value: s, label: NEWS_STATUS_LABELS[s] }))}
          value={status}
          onChange={(v) => setFilter('status', v)}
        />
      </Group>
      <DataTable
        label="Новости для сайта"
        columns={COLUMNS}
        rows={list.data?.rows}
        loading={list.isFetching}
        spacing="sm"
        countForms={['новость', 'новости', 'новостей']}
        onRowClick={(n) => void navigate(newsPath(n))}
        actions={{
          label: (n) => `Действия: новость ${n.source}`,
          actions: (n) => [
            { label: 'Открыть', icon: <IconFolderOpen size={14} />, onClick: () => void navigate(newsPath(n)) },
            {
              label: 'Печать, PDF',
              icon: <IconPrinter size={14} />,
              onClick: () => void navigate(`/news/print?id=${n.id}&back=${encodeURIComponent('/news/list')}`),
            },
          ],
        }}
        filtered={year !== null || status !== null}
        noMatches="Новостей с такими условиями нет."
        empty={<EmptyState text="Новостей пока нет. Их составляют на странице проведённого заседания или мероприятия." />}
      />
    </>
  );
}
