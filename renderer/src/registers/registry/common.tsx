import { Badge, Group, Select } from '@mantine/core';
import { FIELD_VERDICT_LABELS, type DuplicatePair, type DuplicateTarget, type FieldVerdict } from '@shared/contract/duplicates';
import { ORGANIZATION_TYPE_LABELS, ORGANIZATION_TYPES, type OrganizationType } from '@shared/enums';
import { useCall } from '@renderer/api/client';
import { CellText } from '@renderer/components/DataTable';

export const organizationTypeOptions = ORGANIZATION_TYPES.map((t) => ({ value: t, label: ORGANIZATION_TYPE_LABELS[t] }));

/** Municipalities for a Select: few enough to load whole. */
export function useMunicipalityOptions() {
  const list = useCall('municipalities.list', {});
  return (list.data ?? []).map((m) => ({ value: m.id, label: m.name }));
}

export function Contacts({ phone, email }: { phone: string; email: string }) {
  return (
    <>
      {phone ? <CellText>{phone}</CellText> : null}
      {email ? <CellText>{email}</CellText> : null}
    </>
  );
}

/** List filter by organisation type; empty means all types. */
export function TypeFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: OrganizationType | null;
  onChange: (v: OrganizationType | null) => void;
}) {
  return (
    <Select
      label={label}
      placeholder="Все типы"
      data={organizationTypeOptions}
      value={value}
      onChange={(v) => onChange(v as OrganizationType | null)}
      clearable
      w={250}
    />
  );
}

/** List filter by municipality; empty means all. */
export function MunicipalityFilter({ value, onChange }: { value: number | null; onChange: (v: number | null) => void }) {
  const municipalities = useMunicipalityOptions();
  return (
    <Select<number>
      label="Муниципальное образование"
      placeholder="Все"
      data={municipalities}
      value={value}
      onChange={onChange}
      clearable
      w={250}
    />
  );
}

/** The colour a field's verdict is shown in: agreement green, contradiction red, unknown grey. */
export const VERDICT_COLORS: Record<FieldVerdict, string> = { same: 'green', different: 'red', unknown: 'gray' };

export const LEVEL_LABELS: Record<DuplicateTarget, Record<DuplicatePair['level'], string>> = {
  person: { likely: 'вероятно, один человек', possible: 'возможно, один человек' },
  organization: { likely: 'вероятно, одна организация', possible: 'возможно, одна организация' },
};

/** «Фамилия: совпадает · Отчество: неизвестно (указано только в одной записи)». */
export function FieldVerdicts({ pair }: { pair: DuplicatePair }) {
  return (
    <Group gap={4}>
      {pair.fields.map((f) => (
        <Badge key={f.field} size="sm" variant="light" color={VERDICT_COLORS[f.verdict]} title={f.note}>
          {f.label}: {FIELD_VERDICT_LABELS[f.verdict]}
        </Badge>
      ))}
    </Group>
  );
}
