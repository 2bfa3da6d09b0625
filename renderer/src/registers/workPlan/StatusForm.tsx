import { SegmentedControl, Text } from '@mantine/core';
import type { PlanItem } from '@shared/contract/workPlan';
import type { PlanStatus } from '@shared/enums';
import { FormDialog, LongTextField, useContractForm } from '@renderer/components/form';
import { RealisationNotice, statusOptions } from './common';

/** Marks an item done, moved or cancelled with a note, without opening the whole form. */
export function StatusForm({ item, onClose }: { item: PlanItem; onClose: () => void }) {
  const cf = useContractForm({
    call: 'workPlan.setStatus',
    // Her own status: the one shown may come from a held meeting.
    initialValues: { status: item.ownStatus as PlanStatus, resultNote: item.resultNote },
    toInput: (v) => ({ id: item.id, ...v }),
    success: 'Отметка о выполнении сохранена',
    onSaved: onClose,
  });
  return (
    <FormDialog cf={cf} title={`Выполнение мероприятия ${item.number}`} size="lg" onClose={onClose} autofocus="resultNote">
      <Text size="sm">{item.title}</Text>
      <RealisationNotice item={item} />
      <SegmentedControl aria-label="Статус" data={statusOptions} {...cf.field('status')} />
      <LongTextField
        cf={cf}
        path="resultNote"
        label="Отметка о выполнении"
        description="Что сделано, либо причина переноса или отмены"
        minRows={3}
      />
    </FormDialog>
  );
}
