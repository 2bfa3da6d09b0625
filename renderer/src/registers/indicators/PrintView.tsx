import { useSearchParams } from 'react-router-dom';
import { useCall } from '@renderer/api/client';
import { PrintPage } from '@renderer/components/DocumentView';

/** «Показатели мониторинга за год» for the system print dialog: the same blocks, chart included, as its Word file. */
export function PrintView() {
  const [params] = useSearchParams();
  const year = Number(params.get('year'));
  const chart = Number(params.get('chart')) || null;
  const spec = useCall('indicators.yearDocumentView', { year, chartIndicatorId: chart }, { retry: false });
  return <PrintPage query={spec} back="/indicators/years" />;
}
