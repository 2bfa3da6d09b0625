/**
 * The year of the address (`?year=2017`), or null for the one the service picks (the latest plan's
 * up to this year). Small and apart from the screen: the launch's prime reads it before the chunk loads.
 */
export function dashboardYear(params: URLSearchParams): number | null {
  const year = Number(params.get('year'));
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null;
}
