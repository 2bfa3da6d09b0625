import { Select, Text } from '@mantine/core';
import { ORGANIZATION_TYPE_LABELS, ORGANIZATION_TYPES, type OrganizationType } from '@shared/enums';
import { useCall } from '@renderer/api/client';

export const organizationTypeOptions = ORGANIZATION_TYPES.map((t) => ({ value: t, label: ORGANIZATION_TYPE_LABELS[t] }));

/** Municipalities for a Select: few enough to load whole. */
export function useMunicipalityOptions() {
  const list = useCall('municipalities.list', {});
  return (list.data ?? []).map((m) => ({ value: m.id, label: m.name }));
}

export function Contacts({ phone, email }: { phone: string; email: string }) {
  return (
    <>
      {phone ? <Text size="sm">{phone}</Text> : null}
      {email ? <Text size="sm">{email}</Text> : null}
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
