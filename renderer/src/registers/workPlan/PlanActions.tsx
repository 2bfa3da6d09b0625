import { Alert, Button, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconPlus } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import type { WorkPlanSummaryRow } from '@shared/contract/workPlan';
import { countOf, currentYear } from '@shared/russian';
import { callApi, useChange } from '@renderer/api/client';

// The form stack (and the contract's zod schemas) loads when the dialog opens, not with the plan's first paint.
const CreatePlanDialog = lazy(() => import('./CreatePlanDialog').then((m) => ({ default: m.CreatePlanDialog })));

const ITEMS = ['мероприятие', 'мероприятия', 'мероприятий'] as const;

export function CreatePlanButton({ years, onCreated }: { years: WorkPlanSummaryRow[]; onCreated: (year: number) => void }) {
  const [open, setOpen] = useState(false);
  const suggested = years.length ? years.at(-1)!.year + 1 : currentYear();
  return (
    <>
      <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setOpen(true)}>
        Создать план на год
      </Button>
      {open ? (
        <Suspense fallback={null}>
          <CreatePlanDialog
            suggested={suggested}
            onClose={() => setOpen(false)}
            onCreated={(year) => {
              setOpen(false);
              onCreated(year);
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}

/**
 * Says before copying exactly what will happen: how many items go to the next year and how
 * many stay, or that the next year already has items and the copy would be refused.
 */
export function CopyToNextYearButton({
  year,
  years,
  onCopied,
}: {
  year: number;
  years: WorkPlanSummaryRow[];
  onCopied: (year: number) => void;
}) {
  const copy = useChange('workPlan.copyToNextYear');
  const next = year + 1;

  const ask = async () => {
    const summary = await callApi('workPlan.summary', { year });
    const carried = summary.total.planned + summary.total.moved;
    const nextItems = years.find((p) => p.year === next)?.itemCount ?? 0;
    modals.openConfirmModal({
      title: `Копирование плана на ${next} год`,
      children: (
        <Stack gap="xs">
          {nextItems > 0 ? (
            <Alert color="orange">
              В плане на {next} год уже {countOf(nextItems, ITEMS)}. Копирование будет отклонено, чтобы не задвоить записи.
            </Alert>
          ) : null}
          <Text size="sm">
            В план на {next} год будут перенесены {countOf(carried, ITEMS)} (запланированные и перенесённые) со статусом «Запланировано» и
            сроками на год позже.
          </Text>
          <Text size="sm">
            Останутся только в плане {year} года: выполненные — {summary.total.done}, отменённые — {summary.total.cancelled}.
          </Text>
        </Stack>
      ),
      labels: { confirm: 'Скопировать', cancel: 'Отмена' },
      onConfirm: () =>
        copy.mutate(
          { year },
          {
            onSuccess: (result) => {
              notifications.show({
                color: 'green',
                message: `В план на ${result.targetYear} год перенесено: ${countOf(result.carried, ITEMS)}`,
              });
              onCopied(result.targetYear);
            },
          },
        ),
    });
  };

  return (
    <Button variant="light" leftSection={<IconCopy size={16} />} onClick={() => void ask()} loading={copy.isPending}>
      Скопировать на следующий год
    </Button>
  );
}
