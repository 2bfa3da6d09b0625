import { Checkbox, NumberInput, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CallInput } from '@shared/contract';
import { MOVEMENT_KIND_LABELS } from '@shared/contract/publicationEnums';
import type { EnteredMovementKind, MovementResult } from '@shared/contract/publications';
import { formatDate, todayLocal, typedDateInput } from '@shared/russian';
import { DateField, FormDialog, LongTextField, TextField, useContractForm } from '@renderer/components/form';
import { OrganizationPicker, PersonPicker } from '@renderer/components/pickers';
import { copies } from './common';

interface Values {
  date: string;
  quantity: number | '';
  printer: string;
  printedInHouse: boolean;
  recipient: 'organization' | 'person';
  organizationId: number | null;
  personId: number | null;
  reason: string;
}

const TITLES: Record<EnteredMovementKind, string> = {
  opening: 'Ввод остатков',
  receipt: 'Поступление тиража',
  distribution: 'Выдача (распространение)',
  writeOff: 'Списание',
  stocktake: 'Инвентаризация',
};

const QUANTITY_LABELS: Record<EnteredMovementKind, string> = {
  opening: 'Было в наличии, экз.',
  receipt: 'Получено, экз.',
  distribution: 'Выдано, экз.',
  writeOff: 'Списано, экз.',
  stocktake: 'Насчитано, экз.',
};

const SUCCESS: Record<EnteredMovementKind, string> = {
  opening: 'Остатки внесены',
  receipt: 'Тираж внесён',
  distribution: 'Выдача внесена',
  writeOff: 'Списание внесено',
  stocktake: 'Инвентаризация внесена',
};

/** Only the fields of the kind go to the call: the contract refuses what belongs to another kind. */
function inputOf(publicationId: number, kind: EnteredMovementKind, v: Values): CallInput<'publications.recordMovement'> {
  return {
    publicationId,
    kind,
    date: typedDateInput(v.date) ?? (undefined as unknown as string),
    quantity: v.quantity === '' ? (undefined as unknown as number) : Number(v.quantity),
    ...(kind === 'receipt' ? { printer: v.printedInHouse ? '' : v.printer, printedInHouse: v.printedInHouse } : {}),
    ...(kind === 'distribution' ? (v.recipient === 'organization' ? { organizationId: v.organizationId } : { personId: v.personId }) : {}),
    ...(kind === 'distribution' || kind === 'receipt' ? {} : { reason: v.reason }),
  };
}

/** Tells about past stocktakes whose difference the movement changed (a backdated one). */
export function announce(result: MovementResult) {
  if (result.notices.length)
    notifications.show({
      color: 'yellow',
      title: 'Изменились расхождения инвентаризаций',
      message: result.notices.join(' '),
      autoClose: false,
    });
}

/** One movement of the ledger: a print run, a distribution, a write-off, a stocktake, an opening balance. */
export function MovementForm({
  publicationId,
  kind,
  balance,
  onClose,
}: {
  publicationId: number;
  kind: EnteredMovementKind;
  balance: number;
  onClose: () => void;
}) {
  const cf = useContractForm({
    call: 'publications.recordMovement',
    initialValues: {
      date: formatDate(todayLocal()),
      quantity: '',
      printer: '',
      printedInHouse: false,
      recipient: 'organization',
      organizationId: null,
      personId: null,
      reason: '',
    } as Values,
    toInput: (v) => inputOf(publicationId, kind, v),
    success: SUCCESS[kind],
    onSaved: (result) => {
      announce(result);
      onClose();
    },
  });
  const v = cf.form.getValues();
  return (
    <FormDialog cf={cf} title={TITLES[kind]} size="lg" onClose={onClose} submitLabel="Внести">
      <Stack>
        <Text size="sm" c="dimmed">
          {MOVEMENT_KIND_LABELS[kind]}. Сейчас в наличии: {copies(balance)}
          {kind === 'stocktake' ? ' Остаток станет равным пересчитанному количеству; расхождение будет видно в истории.' : ''}
        </Text>
        <SimpleGrid cols={2}>
          <DateField cf={cf} path="date" label="Дата" required />
          <NumberInput
            label={QUANTITY_LABELS[kind]}
            required
            min={0}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=" "
            {...cf.field('quantity')}
          />
        </SimpleGrid>
        {kind === 'receipt' ? (
          <>
            <Checkbox label="Напечатано в центре" {...cf.field('printedInHouse', { type: 'checkbox' })} />
            {v.printedInHouse ? null : <TextField cf={cf} path="printer" label="Типография" required />}
          </>
        ) : null}
        {kind === 'distribution' ? (
          <>
            <SegmentedControl
              data={[
                { value: 'organization', label: 'Организации' },
                { value: 'person', label: 'Специалисту' },
              ]}
              value={v.recipient}
              onChange={(r) => cf.setValue('recipient', r)}
              aria-label="Кому выдано"
            />
            {v.recipient === 'organization' ? (
              <OrganizationPicker label="Организация" required {...cf.field('organizationId')} />
            ) : (
              <PersonPicker label="Специалист" required {...cf.field('personId')} />
            )}
          </>
        ) : null}
        {kind === 'writeOff' || kind === 'stocktake' || kind === 'opening' ? (
          <LongTextField
            cf={cf}
            path="reason"
            label={kind === 'writeOff' ? 'Причина списания' : kind === 'stocktake' ? 'Причина расхождения' : 'Примечание'}
            required={kind === 'writeOff'}
          />
        ) : null}
      </Stack>
    </FormDialog>
  );
}

/** Annuls a movement entered by mistake: the reversal points to it, and both count nowhere. */
export function ReversalForm({ movementId, label, onClose }: { movementId: number; label: string; onClose: () => void }) {
  const cf = useContractForm({
    call: 'publications.reverseMovement',
    initialValues: { reason: '' },
    toInput: (v) => ({ movementId, reason: v.reason }),
    success: 'Движение сторнировано',
    onSaved: (result) => {
      announce(result);
      onClose();
    },
  });
  return (
    <FormDialog cf={cf} title="Сторнирование движения" onClose={onClose} submitLabel="Сторнировать">
      <Text size="sm">{label}. Движение останется в истории, но перестанет учитываться в остатках на любую дату.</Text>
      <LongTextField cf={cf} path="reason" label="Причина сторнирования" required />
    </FormDialog>
  );
}
