import { useSearchParams } from 'react-router-dom';
import { useCall } from '@renderer/api/client';
import { PrintPage } from '@renderer/components/DocumentView';
import { periodOf, periodQuery } from './period';

/** The report as it prints (PDF from the window's print dialog): the live draft or the approved copy. */
export function PrintView() {
  const [params] = useSearchParams();
  const period = periodOf(params);
  const view = useCall('reports.get', period);
  const missing = view.data === null ? new Error('Отчёт за этот период ещё не сформирован') : null;
  return (
    <PrintPage
      query={{ data: view.data?.document, error: missing ?? view.error, isError: view.isError || missing !== null }}
      back={`/reports?${periodQuery(period)}`}
    />
  );
}
