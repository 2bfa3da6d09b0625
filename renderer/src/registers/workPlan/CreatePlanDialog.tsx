import { NumberInput } from '@mantine/core';
import { FormDialog, useContractForm } from '@renderer/components/form';

export function CreatePlanDialog({
  suggested,
  onClose,
  onCreated,
}: {
  suggested: number;
  onClose: () => void;
  onCreated: (year: number) => void;
}) {
  const cf = useContractForm({
    call: 'workPlan.create',
    initialValues: { year: suggested as number | string },
    // An emptied field goes as missing: «Укажите год».
    toInput: (v) => ({ year: v.year === '' ? (undefined as never) : Number(v.year) }),
    success: 'План создан',
    onSaved: (plan) => onCreated(plan.year),
  });
  return (
    <FormDialog cf={cf} title="Новый план работы" onClose={onClose}>
      <NumberInput label="Год" required min={2000} max={2100} allowDecimal={false} {...cf.field('year')} />
    </FormDialog>
  );
}
