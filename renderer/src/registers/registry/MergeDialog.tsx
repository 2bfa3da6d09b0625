import { Alert, Group, Loader, Radio, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { DuplicatePair, MergeField, MergePreview } from '@shared/contract/duplicates';
import type { CallInput } from '@shared/contract';
import { useCall } from '@renderer/api/client';
import { FormDialog, useContractForm } from '@renderer/components/form';
import { FieldVerdicts } from './common';

type Whose = 'kept' | 'merged';
type MergeCall = 'registry.mergePeople' | 'registry.mergeOrganizations';

interface Values {
  /** Per field the two records differ in: whose value the kept record has after the merge. */
  fields: Record<string, Whose>;
  /** Per conflict: whose row stays; '' until she chooses. */
  conflicts: Record<string, Whose | ''>;
}

/** The kept record's value unless it is empty and the merged one has it: what a tidy registry keeps. */
const defaultChoice = (f: MergeField): Whose => (f.kept === '' && f.merged !== '' ? 'merged' : 'kept');

const initialValues = (preview: MergePreview | undefined): Values => ({
  fields: Object.fromEntries((preview?.fields ?? []).filter(differs).map((f) => [f.field, defaultChoice(f)])),
  conflicts: Object.fromEntries((preview?.conflicts ?? []).map((c) => [c.key, ''])),
});

const shown = (value: string) => value || '— не указано —';

// A field spelled differently is offered even when it matches after normalising («Ивaнова» with a Latin «a»).
const differs = (f: MergeField) => f.kept !== f.merged;

/**
 * Merging a pair: which record stays, each differing field taken from either side, and for each
 * row both would have in one record (both attended one meeting) whose row stays — the user's
 * choice, never a silent deletion. The merge is one entry of the undo journal: the notification
 * after it offers «Отменить», and so does the header afterwards.
 */
export function MergeDialog({ pair, onClose }: { pair: DuplicatePair; onClose: () => void }) {
  const [keptIsLeft, setKeptIsLeft] = useState(true);
  const [kept, merged] = keptIsLeft ? [pair.left, pair.right] : [pair.right, pair.left];
  const preview = useCall('registry.mergePreview', { target: pair.target, keepId: kept.id, mergeId: merged.id });
  const call: MergeCall = pair.target === 'person' ? 'registry.mergePeople' : 'registry.mergeOrganizations';
  const cf = useContractForm<Values, MergeCall>({
    call,
    initialValues: initialValues(undefined),
    toInput: (v) =>
      ({
        keepId: kept.id,
        mergeId: merged.id,
        fromMerged: Object.entries(v.fields)
          .filter(([, whose]) => whose === 'merged')
          .map(([field]) => field),
        resolutions: Object.entries(v.conflicts)
          .filter(([, whose]) => whose !== '')
          .map(([key, keep]) => ({ key, keep })),
      }) as CallInput<MergeCall>,
    check: (v) =>
      Object.fromEntries(
        Object.entries(v.conflicts)
          .filter(([, whose]) => whose === '')
          .map(([key]) => [`conflicts.${key}`, 'Выберите, чья запись останется']),
      ),
    success: 'Записи объединены',
    onSaved: onClose,
  });
  const { reinitialize } = cf;
  // A new preview (the other record chosen to stay): its conflicts and defaults start afresh.
  useEffect(() => {
    if (preview.data) reinitialize(initialValues(preview.data));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the preview changes
  }, [preview.data]);

  const data = preview.data;
  const differing = data?.fields.filter(differs) ?? [];
  const equal = data?.fields.filter((f) => !differs(f) && f.kept !== '') ?? [];
  return (
    <FormDialog cf={cf} title="Объединение записей" size="xl" onClose={onClose} submitLabel="Объединить">
      <Stack gap="md">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Какая запись остаётся
          </Text>
          <SegmentedControl
            fullWidth
            aria-label="Какая запись остаётся"
            data={[
              { value: 'left', label: pair.left.label },
              { value: 'right', label: pair.right.label },
            ]}
            value={keptIsLeft ? 'left' : 'right'}
            onChange={(v) => setKeptIsLeft(v === 'left')}
          />
          <Text size="xs" c="dimmed">
            Вторая запись будет удалена, а всё, где она указана, перейдёт к оставляемой
            {data?.moves ? `: ${data.moves}` : ''}.
          </Text>
        </Stack>
        {!data ? (
          <Loader size="sm" />
        ) : (
          <>
            <FieldVerdicts pair={data.pair} />
            {differing.length ? (
              <Stack gap="xs">
                <Title order={5}>Поля</Title>
                {differing.map((f) => (
                  <Radio.Group key={f.field} label={f.label} {...cf.form.getInputProps(`fields.${f.field}`)}>
                    <Group gap="lg" mt={4}>
                      <Radio value="kept" label={shown(f.kept)} />
                      <Radio value="merged" label={shown(f.merged)} />
                    </Group>
                  </Radio.Group>
                ))}
              </Stack>
            ) : null}
            {equal.length ? (
              <Stack gap={2} aria-label="Совпадают в обеих записях">
                <Text size="sm" fw={500}>
                  Совпадают в обеих записях
                </Text>
                {equal.map((f) => (
                  <Text key={f.field} size="sm">
                    {f.label}: {f.kept}
                  </Text>
                ))}
              </Stack>
            ) : null}
            {data.conflicts.length ? (
              <Stack gap="xs">
                <Title order={5}>Обе записи указаны в одном месте</Title>
                <Alert color="yellow" variant="light">
                  Одна строка из пары будет удалена вместе со связанными с ней записями. Выберите, какую оставить.
                </Alert>
                {data.conflicts.map((c) => (
                  <Radio.Group key={c.key} label={c.record} description={c.note} {...cf.form.getInputProps(`conflicts.${c.key}`)}>
                    <Stack gap={4} mt={4}>
                      <Radio value="kept" label={`Оставить строку «${kept.label}»: ${c.keptRow}`} />
                      <Radio value="merged" label={`Оставить строку «${merged.label}»: ${c.mergedRow}`} />
                    </Stack>
                  </Radio.Group>
                ))}
              </Stack>
            ) : null}
          </>
        )}
      </Stack>
    </FormDialog>
  );
}
