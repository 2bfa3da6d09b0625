import { callApi, queryClient } from '@renderer/api/client';
import { currentYear } from '@shared/russian/dates';

/**
 * The plan screen's first paint in one round trip. Started at launch (App.tsx `primeFirstScreen`)
 * while the window asks for the app's status and loads the register's chunk: `workPlan.opening`
 * answers the years, the chosen year's plan and its first items together, and they go into the
 * query cache under the keys the screen asks for (`workPlan.years`, `workPlan.get`, `workPlan.items`
 * unfiltered with `first`), so the screen finds them there instead of asking for the years and only then for
 * the items. This file stays small: it is in the first bundle.
 */

const REMEMBERED_YEAR = 'workPlan.year';

/** The years the screen would show, best first: the address's, the session's last, this year. */
export function preferredYears(params: URLSearchParams): number[] {
  const years = [Number(params.get('year')), Number(sessionStorage.getItem(REMEMBERED_YEAR)), currentYear()];
  return years.filter((y, i) => Number.isInteger(y) && y >= 1900 && y <= 2200 && years.indexOf(y) === i);
}

export function rememberYear(year: number) {
  sessionStorage.setItem(REMEMBERED_YEAR, String(year));
}

/** The items filter of a plan screen with nothing chosen, exactly as PlanScreen asks for it. */
export const unfiltered = (year: number) => ({ year, direction: null, status: null, quarter: null, responsibleId: null, search: '' });

/**
 * How many items the plan's first answer holds: more than a window shows, so the first paint is
 * whole; the rest of the year follows once it has painted (PlanScreen). A plan's rows are tall (a
 * title, its audience, the realisations' lines: 60–150 px), and the table starts 400–470 px down:
 * 1366×768 shows 4 rows (group rows included), 1920×1080 shows 9. Twelve fill both. Forty rows had
 * been drawn and laid out before the first paint for nothing; with twelve, opening the plan took
 * about 20 ms less in Chromium (tests/bench/browser.ts, two builds alternated, 6 rounds each).
 */
export const FIRST_ITEMS = 12;

/** The first answer's input, as PlanScreen asks for it. */
export const firstItems = (year: number) => ({ ...unfiltered(year), first: FIRST_ITEMS });

export function primePlanScreen(params: URLSearchParams) {
  // The screen's `workPlan.years` joins this query while it is in flight; the plan and items
  // are in the cache before the years resolve, so the screen never asks for them itself. With
  // the years in the cache (the plan opened before, and nothing changed them) nothing is asked.
  void queryClient.prefetchQuery({
    queryKey: ['workPlan.years', {}],
    queryFn: async () => {
      const o = await callApi('workPlan.opening', { preferred: preferredYears(params), first: FIRST_ITEMS });
      if (o.year !== null && o.plan) {
        queryClient.setQueryData(['workPlan.get', { year: o.year }], o.plan);
        queryClient.setQueryData(['workPlan.items', firstItems(o.year)], o.items);
      }
      return o.years;
    },
  });
}

/**
 * Another year chosen in the plan's year field: its plan and items are asked at once, in the
 * selection's own event, instead of after React has rendered the screen for the new year (the
 * screen's queries start in an effect after that render's commit). The filters go back to none on
 * a year change (PlanScreen), so the unfiltered first items are the ones it will show first.
 */
export function primePlanYear(year: number) {
  void queryClient.prefetchQuery({ queryKey: ['workPlan.get', { year }], queryFn: () => callApi('workPlan.get', { year }) });
  const input = firstItems(year);
  void queryClient.prefetchQuery({ queryKey: ['workPlan.items', input], queryFn: () => callApi('workPlan.items', input) });
}
