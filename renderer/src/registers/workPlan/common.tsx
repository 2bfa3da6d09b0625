import { Alert, Anchor, Badge, Select, Stack, Text, useMantineTheme } from '@mantine/core';
import { perTheme } from '@renderer/components/themeVars';
import type { CSSProperties } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { PlanItem, Realisation } from '@shared/contract/workPlan';
import { DIRECTION_LABELS, DIRECTIONS, PLAN_STATUS_LABELS, PLAN_STATUSES, type PlanStatus } from '@shared/enums';
import { countOf, MONTHS_NOMINATIVE, QUARTERS_ROMAN } from '@shared/russian';
import { useCall } from '@renderer/api/client';
import { preferredYears, rememberYear } from './opening';

export const STATUS_COLORS: Record<PlanStatus, string> = { planned: 'blue', done: 'green', moved: 'orange', cancelled: 'gray' };

export const directionOptions = DIRECTIONS.map((d, i) => ({ value: d, label: `${i + 1}. ${DIRECTION_LABELS[d]}` }));
export const statusOptions = PLAN_STATUSES.map((s) => ({ value: s, label: PLAN_STATUS_LABELS[s] }));
export const monthOptions = MONTHS_NOMINATIVE.map((m, i) => ({ value: String(i + 1), label: m[0]!.toUpperCase() + m.slice(1) }));
export const quarterOptions = QUARTERS_ROMAN.map((q, i) => ({ value: String(i + 1), label: `${q} квартал` }));

/** Mantine's variables of a light Badge of each status's colour, once per theme (Badge's own vars resolver). */
const statusBadgeVars = perTheme((theme): Record<PlanStatus, CSSProperties> => {
  const of = (status: PlanStatus) => ({
    ...(Badge.varsResolver(theme, { color: STATUS_COLORS[status], variant: 'light', size: 'md' }, undefined).root as CSSProperties),
    ...BADGE_ROOT,
  });
  return { planned: of('planned'), done: of('done'), moved: of('moved'), cancelled: of('cancelled') };
});
// The label is never cut: «Запланировано» fits the column whole.
const BADGE_ROOT: CSSProperties = { maxWidth: 'none', overflow: 'visible', textTransform: 'none' };
const BADGE_LABEL: CSSProperties = { overflow: 'visible' };

/**
 * The markup of `<Badge variant="light" size="md" tt="none">` in the status's colour — the same
 * element, classes and variables — without the component: the plan shows one per row, and
 * Badge's props and styles per row were a large part of painting a year's plan.
 */
export function StatusBadge({ status }: { status: PlanStatus }) {
  const theme = useMantineTheme();
  return (
    <div className={`${Badge.classes.root} mantine-Badge-root`} data-variant="light" data-size="md" style={statusBadgeVars(theme)[status]}>
      <span className={`${Badge.classes.label} mantine-Badge-label`} style={BADGE_LABEL}>
        {PLAN_STATUS_LABELS[status]}
      </span>
    </div>
  );
}

/** Where a realising record opens: the meeting, the event's card, the publication's card, the news item of its meeting or event. */
const RECORD_PATHS: Record<Realisation['kind'], (r: Realisation) => string> = {
  meeting: (r) => `/meetings/list/${r.id}`,
  event: (r) => `/events/list/${r.id}`,
  publication: (r) => `/publications/${r.id}`,
  newsItem: (r) => `/news/${r.newsOf!.kind}/${r.newsOf!.recordId}`,
};

/** Why a linked record does not count yet. */
const NOT_FINAL: Record<Realisation['kind'], string> = {
  meeting: ' (ещё не проведено)',
  event: ' (ещё не проведено)',
  publication: ' (тираж ещё не получен)',
  newsItem: ' (ещё не опубликована)',
};

/** The realising records under an item's status in the plan table, each a link to its record: «заседание №3 от 12.09.2017». */
export function RealisationLines({ item }: { item: PlanItem }) {
  if (item.realisations.length === 0) return null;
  return (
    <Stack gap={0} mt={4}>
      {item.realisations.map((r) => (
        <Text key={`${r.kind}-${r.id}`} size="xs" c={r.final ? undefined : 'dimmed'}>
          {/* A click on the line opens the record, not the plan row's own action. */}
          {/* A plain link to the hash route (the router is a hash router): react-router's Link per line
              built its URL on every render, 11 ms of opening a year's plan. */}
          <Anchor href={`#${RECORD_PATHS[r.kind](r)}`} size="xs" c="inherit" underline="always" onClick={(e) => e.stopPropagation()}>
            {r.label}
          </Anchor>
          {r.final ? '' : NOT_FINAL[r.kind]}
        </Text>
      ))}
      {item.closedByRecord || item.realisations.length < 2 ? null : (
        <Text size="xs" c="dimmed">
          проведено {countOf(item.realisations.filter((r) => r.final).length, ['раз', 'раза', 'раз'])}
        </Text>
      )}
    </Stack>
  );
}

/**
 * In the status and item forms: what the realising records say about the status, so the
 * methodologist knows why the plan shows «Выполнено» though her own status says otherwise.
 */
export function RealisationNotice({ item }: { item: PlanItem }) {
  const held = item.realisations.filter((r) => r.final);
  if (item.realisations.length === 0) return null;
  const labels = item.realisations.map((r) => (r.final ? r.label : `${r.label} (ещё не проведено)`)).join(', ');
  if (item.closedByRecord && held.length > 0) {
    return (
      <Alert color="green" variant="light" title="Выполнено по записи другого раздела">
        Мероприятие реализовано: {labels}. Пока это так, в плане оно показано выполненным; статус ниже — ваш собственный, он будет показан,
        если заседание вернут в черновики или удалят.
      </Alert>
    );
  }
  if (!item.closedByRecord) {
    return (
      <Alert color="blue" variant="light" title="Проводится несколько раз">
        Одно заседание такое мероприятие не закрывает: {labels}. Когда мероприятие выполнено целиком, отметьте это сами.
      </Alert>
    );
  }
  return (
    <Alert color="blue" variant="light">
      Мероприятие будет отмечено выполненным, когда пройдёт: {labels}.
    </Alert>
  );
}

/**
 * The plan year the screens show, kept in the address (`?year=2017`) so a reload or the
 * «Назад» link from the print view returns to the same year, and remembered for the session
 * so the plan and its execution summary stay on the same year. Otherwise the current
 * calendar year is shown if it has a plan, else the latest plan (the same choice
 * `workPlan.opening` makes for the first paint: opening.ts).
 */
export function usePlanYear() {
  const [params, setParams] = useSearchParams();
  const years = useCall('workPlan.years', {});
  const list = years.data ?? [];
  const year = preferredYears(params).find((y) => list.some((p) => p.year === y)) ?? list.at(-1)?.year ?? null;
  const setYear = (next: number) => {
    rememberYear(next);
    setParams({ year: String(next) });
  };
  return { year, setYear, years: list, loading: years.isPending };
}

/**
 * The plan's Selects mount their option list when opened, not hidden at once (Mantine's Combobox
 * keeps it mounted by default): each hidden list was positioned on mount, and floating-ui's reading of
 * the page's layout for it forced a layout before the plan's first paint (21 ms of opening it, 1×).
 */
export const PLAN_SELECT_COMBOBOX = { keepMounted: false } as const;

export function YearSelect({
  year,
  years,
  onChange,
}: {
  year: number | null;
  years: { year: number }[];
  onChange: (year: number) => void;
}) {
  return (
    <Select
      aria-label="Год плана"
      w={120}
      allowDeselect={false}
      comboboxProps={PLAN_SELECT_COMBOBOX}
      data={years.map((p) => ({ value: String(p.year), label: `${p.year} год` }))}
      value={year === null ? null : String(year)}
      onChange={(v) => v && onChange(Number(v))}
    />
  );
}
