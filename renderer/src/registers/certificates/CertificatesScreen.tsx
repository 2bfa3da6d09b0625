import { Anchor, Badge, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { CertificateRow } from '@shared/contract/certificates';
import { formatDate } from '@shared/russian';
import { callApi, useCall } from '@renderer/api/client';
import { inElectronWindow } from '@renderer/api/transport';
import { DataTable, type Column } from '@renderer/components/DataTable';
import { FormDialog, TextField, useContractForm } from '@renderer/components/form';
import { EmptyState, ScreenHeader, SearchInput } from '@renderer/components/screen';
import { useDocument } from '@renderer/components/useDocument';
import { useListState } from '@renderer/components/useListState';

type Sort = 'number' | 'name' | 'event';

const COLUMNS: Column<CertificateRow, Sort>[] = [
  { header: '№', sort: 'number', width: 110, nowrap: true, render: (c) => c.numberLabel },
  { header: 'Выдан', width: 110, nowrap: true, render: (c) => formatDate(c.issuedOn) },
  {
    header: 'Участник',
    sort: 'name',
    minWidth: 220,
    render: (c) => (
      <Stack gap={0}>
        <Text size="sm">{c.fullName}</Text>
        {c.organizationName ? (
          <Text size="xs" c="dimmed">
            {c.organizationName}
          </Text>
        ) : null}
      </Stack>
    ),
  },
  {
    header: 'Мероприятие',
    sort: 'event',
    minWidth: 260,
    render: (c) => (
      <Stack gap={0}>
        <Anchor component={Link} to={`/events/list/${c.eventId}`} size="sm">
          {c.eventTitle}
        </Anchor>
        <Text size="xs" c="dimmed">
          {c.eventDates}
        </Text>
      </Stack>
    ),
  },
  {
    header: 'Состояние',
    width: 230,
    render: (c) =>
      c.status === 'valid' ? (
        <Stack gap={0}>
          <Badge color="green" variant="light">
            действителен
          </Badge>
          {c.replaces ? <Text size="xs">взамен № {c.replaces}</Text> : null}
        </Stack>
      ) : (
        <Stack gap={0}>
          <Badge color="gray" variant="light">
            аннулирован {formatDate(c.annulledOn)}
          </Badge>
          <Text size="xs" c="dimmed">
            {c.annulReason}
            {c.replacedBy ? `; взамен выдан № ${c.replacedBy}` : ''}
          </Text>
        </Stack>
      ),
  },
];

export function CertificatesScreen() {
  const list = useListState<Sort, { year: number | null }>('number', { year: null });
  const data = useCall('certificates.list', { ...list.query, year: list.filters.year }, { placeholderData: keepPreviousData });
  const years = useCall('certificates.years', {});
  const { busy, download } = useDocument();
  const navigate = useNavigate();
  const [reissuing, setReissuing] = useState<CertificateRow | null>(null);
  const registerYear = list.filters.year ?? years.data?.[0] ?? null;

  return (
    <>
      <ScreenHeader
        title="Реестр сертификатов"
        description="Сертификаты участника, выданные завершившим обучение на мероприятиях центра; номера идут по годам выдачи"
        action={
          <Button
            variant="light"
            leftSection={<IconFileSpreadsheet size={16} />}
            loading={busy === 'register'}
            disabled={registerYear === null}
            onClick={() =>
              registerYear !== null && download('register', () => callApi('certificates.registerXlsx', { year: registerYear }))
            }
          >
            {registerYear === null ? 'Реестр (Excel)' : `Реестр за ${registerYear} год (Excel)`}
          </Button>
        }
      />
      <Group mb="md" align="flex-end">
        <SearchInput placeholder="Номер, фамилия, мероприятие" value={list.search} onChange={list.setSearch} />
        <Select
          label="Год выдачи"
          w={130}
          clearable
          placeholder="Все"
          data={(years.data ?? []).map(String)}
          value={list.filters.year === null ? null : String(list.filters.year)}
          onChange={(v) => list.setFilter('year', v === null ? null : Number(v))}
        />
      </Group>
      <DataTable
        label="Сертификаты"
        columns={COLUMNS}
        rows={data.data?.rows}
        total={data.data?.total ?? 0}
        loading={data.isPending}
        list={list}
        filtered={list.filtered}
        onResetFilters={list.resetFilters}
        countForms={['сертификат', 'сертификата', 'сертификатов']}
        actions={{
          label: (c) => `Действия: № ${c.numberLabel}`,
          busy: (c) => busy === `c${c.id}`,
          actions: (c) => [
            { label: 'Скачать (Word)', onClick: () => download(`c${c.id}`, () => callApi('certificates.docx', { ids: [c.id] })) },
            { label: 'Печать, PDF', onClick: () => navigate(`/certificates/print?ids=${c.id}&back=/certificates/list`) },
            ...(inElectronWindow()
              ? [{ label: 'Сохранить PDF', onClick: () => download(`c${c.id}`, () => callApi('certificates.pdf', { ids: [c.id] })) }]
              : []),
            {
              label: 'Выдать взамен…',
              onClick: () => setReissuing(c),
              disabled: c.status !== 'valid',
              hint: c.status !== 'valid' ? 'аннулированный сертификат не заменяют' : undefined,
            },
          ],
        }}
        empty={<EmptyState text="Сертификатов пока нет. Их выдают на странице проведённого мероприятия кнопкой «Сертификаты»." />}
      />
      {reissuing ? <ReissueDialog c={reissuing} onClose={() => setReissuing(null)} /> : null}
    </>
  );
}

/**
 * «Выдать взамен»: a new number of this year from today's registry (the corrected name) and
 * layout; the old one is annulled with the reason and stays in the register.
 */
function ReissueDialog({ c, onClose }: { c: CertificateRow; onClose: () => void }) {
  const { download } = useDocument();
  const cf = useContractForm({
    call: 'certificates.reissue',
    initialValues: { reason: '' },
    toInput: (v) => ({ id: c.id, reason: v.reason }),
    success: 'Сертификат выдан взамен',
    onSaved: (r) => {
      onClose();
      void download(`c${r.id}`, () => callApi('certificates.docx', { ids: [r.id] }));
    },
  });
  return (
    <FormDialog cf={cf} title={`Выдать взамен сертификата № ${c.numberLabel}`} onClose={onClose} submitLabel="Выдать взамен">
      <Stack>
        <Text size="sm">
          {c.fullName}. Сертификат № {c.numberLabel} будет аннулирован, взамен выдан новый с номером этого года — по сегодняшним данным
          реестра (исправленное имя) и оформлению. Чтобы просто напечатать тот же сертификат ещё раз, выберите «Скачать».
        </Text>
        <TextField cf={cf} path="reason" label="Причина" placeholder="Ошибка в фамилии" required />
      </Stack>
    </FormDialog>
  );
}
