import { Alert, Badge, Button, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconClipboardText,
  IconPrinter,
  IconCode,
  IconFileTypeDocx,
  IconRefresh,
  IconTrash,
  IconWorldUpload,
} from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { newsPath, sourcePath } from './paths';
import { NEWS_SOURCES, NEWS_STATUS_LABELS, type NewsSourceKind, type NewsView } from '@shared/contract/news';
import { formatDate, readTypedDate, todayLocal, typedDateInput } from '@shared/russian';
import { CHANGED_FACTS, changedMarks } from '@shared/narrative';
import { callApi, useCall, useChange } from '@renderer/api/client';
import { BackLink } from '@renderer/components/RecordFrame';
import { confirmDelete, EmptyState } from '@renderer/components/screen';
import { DateField, FormDialog, useContractForm } from '@renderer/components/form';
import { NarrativeParagraphs } from '@renderer/components/NarrativeParagraph';
import { useDocument } from '@renderer/components/useDocument';
import { wordFilter } from '@renderer/components/pickers';

const BACK_LABEL: Record<NewsSourceKind, string> = { meeting: 'К заседанию', event: 'К мероприятию' };

/**
 * The news item of a held meeting or event: its paragraphs as they read now, each fact of the
 * record in bold and a fact changed since the text was saved marked; edited in place, drafted
 * again («Составить заново» keeps what she edited), copied for the website's editor (HTML and
 * plain text at once, or plain text alone), saved as Word, recorded as published.
 */
export function NewsScreen() {
  const params = useParams();
  const kind = (NEWS_SOURCES as readonly string[]).includes(params.kind ?? '') ? (params.kind as NewsSourceKind) : null;
  const recordId = Number(params.id);
  const valid = kind !== null && Number.isInteger(recordId) && recordId > 0;
  const view = useCall('news.get', { kind: kind ?? 'event', recordId: valid ? recordId : 1 }, { enabled: valid });
  const draft = useChange('news.draft', { success: 'Новость составлена по данным реестра' });
  if (!valid) return <EmptyState text="Ссылка не указывает на новость: откройте её со страницы заседания или мероприятия." />;
  const back = { to: sourcePath({ kind, recordId }), label: BACK_LABEL[kind], missing: BACK_LABEL[kind] };
  return (
    <Stack gap="md">
      <BackLink back={back} />
      {view.isError ? (
        <Alert color="red">{view.error.message}</Alert>
      ) : view.isPending ? (
        <Loader />
      ) : view.data === null ? (
        <EmptyState
          text="Новость по этой записи ещё не составлена."
          action={
            <Button loading={draft.isPending} onClick={() => draft.mutate({ kind, recordId })}>
              Составить новость
            </Button>
          }
        />
      ) : (
        <Editor view={view.data} />
      )}
    </Stack>
  );
}

/** The plain text alone, or HTML with the plain text beside it (what a website's editor and a mail take). */
async function copy(view: NewsView, html: boolean) {
  try {
    if (html) {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([view.html], { type: 'text/html' }),
          'text/plain': new Blob([view.plain], { type: 'text/plain' }),
        }),
      ]);
    } else await navigator.clipboard.writeText(view.plain);
    notifications.show({ color: 'green', message: html ? 'Новость скопирована для сайта' : 'Текст новости скопирован' });
  } catch (error) {
    notifications.show({ color: 'red', title: 'Не скопировано', message: `Буфер обмена недоступен: ${(error as Error).message}` });
  }
}

function Editor({ view }: { view: NewsView }) {
  const regenerate = useChange('news.regenerate', { success: 'Новость составлена заново: ваши правки сохранены' });
  const save = useChange('news.saveParagraph', { success: 'Абзац сохранён' });
  const remove = useChange('news.delete', { success: 'Новость удалена' });
  const unpublish = useChange('news.unpublish', { success: 'Новость снята с публикации: это снова черновик' });
  const navigate = useNavigate();
  const { busy, download } = useDocument();
  const [publishing, setPublishing] = useState(false);
  const published = view.status === 'published';
  return (
    <Stack gap="md">
      <Group gap="sm">
        <Title order={2}>Новость для сайта</Title>
        <Badge color={published ? 'green' : 'gray'} variant="light">
          {NEWS_STATUS_LABELS[view.status]}
          {published ? ` ${formatDate(view.publishedOn)}` : ''}
        </Badge>
      </Group>
      <Group>
        {published ? null : (
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} />}
            loading={regenerate.isPending}
            onClick={() => regenerate.mutate({ id: view.id })}
          >
            Составить заново
          </Button>
        )}
        <Button variant="default" leftSection={<IconCode size={16} />} onClick={() => void copy(view, true)}>
          Копировать для сайта
        </Button>
        <Button variant="default" leftSection={<IconClipboardText size={16} />} onClick={() => void copy(view, false)}>
          Копировать как текст
        </Button>
        <Button
          variant="default"
          leftSection={<IconFileTypeDocx size={16} />}
          loading={busy === 'docx'}
          onClick={() => void download('docx', () => callApi('news.exportDocx', { id: view.id }))}
        >
          Word
        </Button>
        <Button
          variant="default"
          component={Link}
          to={`/news/print?id=${view.id}&back=${encodeURIComponent(newsPath(view))}`}
          leftSection={<IconPrinter size={16} />}
        >
          Печать, PDF
        </Button>
        {published ? (
          <Button
            variant="default"
            leftSection={<IconArrowBackUp size={16} />}
            loading={unpublish.isPending}
            onClick={() => confirmUnpublish(view, () => unpublish.mutate({ id: view.id }))}
          >
            Снять с публикации
          </Button>
        ) : (
          <Button leftSection={<IconWorldUpload size={16} />} onClick={() => setPublishing(true)}>
            Опубликована на сайте…
          </Button>
        )}
        <Button
          variant="subtle"
          color="red"
          leftSection={<IconTrash size={16} />}
          onClick={() =>
            confirmDelete('Удалить новость? Её текст и правки будут потеряны (удаление можно отменить).', () =>
              remove.mutate({ id: view.id }, { onSuccess: () => void navigate(sourcePath(view)) }),
            )
          }
        >
          Удалить
        </Button>
      </Group>
      {view.planItem ? (
        <Text size="sm">
          Реализует мероприятие плана работы на {view.planItem.year} год: «{view.planItem.title}»
        </Text>
      ) : null}
      {published ? (
        <Alert color="green" title="Новость опубликована">
          Текст показан таким, каким он вышел на сайте {formatDate(view.publishedOn)}: изменения заседания или мероприятия его не меняют.
        </Alert>
      ) : view.changed > 0 ? (
        <Alert color="orange" title="Данные изменились">
          В тексте {changedMarks(view.changed, CHANGED_FACTS)} в реестре после правки. Проверьте эти абзацы и сохраните их — тогда новость
          можно отметить опубликованной.
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          Факты из реестра выделены: при «Составить заново» они берутся из записи, а абзацы, которые вы изменили, остаются как есть.
        </Text>
      )}
      <NarrativeParagraphs
        paragraphs={view.paragraphs}
        choices={view.facts}
        insertLabel="Вставить факт"
        description="Факты записи стоят в тексте полями {{…}}: при «Составить заново» они берутся из реестра"
        saving={save.isPending}
        readOnly={published}
        badge={(p) =>
          p.edited && !published ? (
            <Badge size="xs" variant="light">
              изменён вами
            </Badge>
          ) : null
        }
        onSave={(p, text, done) => save.mutate({ id: view.id, key: p.key, text }, { onSuccess: done })}
      />
      {publishing ? <PublishDialog view={view} onClose={() => setPublishing(false)} /> : null}
    </Stack>
  );
}

/** Снять с публикации: one confirmation, saying what follows (the plan item no longer counts it). */
function confirmUnpublish(view: NewsView, onConfirm: () => void) {
  modals.openConfirmModal({
    title: 'Снять с публикации',
    children: (
      <Text size="sm">
        Вернуть новость в черновики? Отметка о публикации {formatDate(view.publishedOn)} будет снята
        {view.planItem ? `, а мероприятие плана «${view.planItem.title}» перестанет её засчитывать` : ''}; текст останется для правки.
      </Text>
    ),
    labels: { confirm: 'Снять с публикации', cancel: 'Отмена' },
    onConfirm,
  });
}

function PublishDialog({ view, onClose }: { view: NewsView; onClose: () => void }) {
  const cf = useContractForm({
    call: 'news.publish',
    initialValues: { publishedOn: formatDate(todayLocal()), planItemId: null as number | null },
    toInput: (v) => ({
      id: view.id,
      publishedOn: typedDateInput(v.publishedOn) ?? (undefined as unknown as string),
      planItemId: v.planItemId,
    }),
    success: 'Новость отмечена опубликованной',
    onSaved: onClose,
  });
  // The plan's year only from a whole date: a half-typed «3» or «31.02.202» is no year, and asking
  // the plan of year 3 was refused and took the screen down with the dialog in it.
  const typed = readTypedDate(cf.form.getValues().publishedOn);
  const typedYear = typed.kind === 'date' || typed.kind === 'impossible' ? Number(typed.iso.slice(0, 4)) : null;
  // The plans the contract knows (2000–2100); a day of 1999 gets the field's own message on saving.
  const year = typedYear !== null && typedYear >= 2000 && typedYear <= 2100 ? typedYear : null;
  const candidates = useCall('news.planCandidates', { year: year ?? 2000 }, { enabled: year !== null });
  return (
    <FormDialog cf={cf} title="Новость опубликована на сайте" onClose={onClose} submitLabel="Отметить опубликованной">
      <Text size="sm">Текст сохранится таким, каким вышел на сайте; отчёт о работе за год посчитает эту новость.</Text>
      <DateField cf={cf} path="publishedOn" label="Дата публикации" required />
      <Select<number>
        label="Мероприятие плана, которое реализует публикация"
        description={
          year
            ? `информационно-аналитическая деятельность, план на ${year} год; пункт «в течение года» публикация не закрывает, а засчитывается в него`
            : 'сначала укажите дату'
        }
        placeholder={candidates.data?.length ? 'Не выбрано' : 'В плане этого года нет мероприятий этого направления'}
        data={(candidates.data ?? []).map((c) => ({ value: c.id, label: `${c.title} (${c.termLabel})` }))}
        clearable
        searchable
        filter={wordFilter}
        disabled={year === null}
        {...cf.field('planItemId')}
      />
    </FormDialog>
  );
}
