import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { DateField, FormFrame, useContractForm, useLeaveGuard } from '@renderer/components/form';
import { formatDate, typedDateInput } from '@shared/russian';
import { approvalDescription } from './approvalDate';

/** A form of one field: Enter (or ✓) saves the date typed; a day the calendar has not is marked, never erased. */
export function ApprovalDateForm({ year, approvedOn, frozen }: { year: number; approvedOn: string | null; frozen: boolean }) {
  const cf = useContractForm({
    call: 'workPlan.setApproval',
    initialValues: { approvedOn: formatDate(approvedOn) },
    toInput: (v) => ({ year, approvedOn: typedDateInput(v.approvedOn) }),
    success: 'Дата утверждения сохранена',
  });
  useLeaveGuard(cf.dirty);
  return (
    <FormFrame cf={cf}>
      <Group gap={4} align="flex-end" wrap="nowrap">
        <DateField
          cf={cf}
          path="approvedOn"
          label="Дата утверждения"
          placeholder="не указана"
          w={190}
          description={approvalDescription(frozen)}
        />
        {cf.dirty ? (
          <Tooltip label="Сохранить дату утверждения">
            <ActionIcon type="submit" size="lg" mb={1} loading={cf.saving} aria-label="Сохранить дату утверждения">
              <IconCheck size={16} />
            </ActionIcon>
          </Tooltip>
        ) : null}
      </Group>
    </FormFrame>
  );
}
