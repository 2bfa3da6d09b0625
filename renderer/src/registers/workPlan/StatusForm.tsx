import { SegmentedControl, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { PlanItem } from '@shared/contract/workPlan';
import type { PlanStatus } from '@shared/enums';
import { useChange } from '@renderer/api/client';
import { FormModal, useFieldErrors } from '@renderer/components/screen';
import { RealisationNotice, statusOptions } from './common';

/** Marks an item done, moved or cancelled with a note, without opening the whole form. */
export function StatusForm({ item, onClose }: { item: PlanItem; onClose: () => void }) {
  // Her own status: the one shown may come from a held meeting.
  const [status, setStatus] = useState<PlanStatus>(item.ownStatus);
  const [note, setNote] = useState(item.resultNote);
  const errors = useFieldErrors();
  const save = useChange('workPlan.setStatus', { success: 'Отметка о выполнении сохранена' });

  const submit = () => {
    save.mutate({ id: item.id, status, resultNote: note }, { onSuccess: onClose, onError: errors.fromError });
  };

  return (
    <FormModal title={`Выполнение мероприятия ${item.number}`} size="lg" onClose={onClose} onSubmit={submit} saving={save.isPending}>
      <Text size="sm">{item.title}</Text>
      <RealisationNotice item={item} />
      <SegmentedControl aria-label="Статус" data={statusOptions} value={status} onChange={(v) => setStatus(v as PlanStatus)} />
      <Textarea
        label="Отметка о выполнении"
        description="Что сделано, либо причина переноса или отмены"
        autosize
        minRows={3}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.of('resultNote')}
        data-autofocus
      />
    </FormModal>
  );
}
