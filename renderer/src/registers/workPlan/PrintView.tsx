import { useParams, useSearchParams } from 'react-router-dom';
import type { PlanDocument } from '@shared/contract/workPlan';
import { useCall } from '@renderer/api/client';
import { PrintPage } from '@renderer/components/DocumentView';

/** The plan's copy for approval or its execution report for the system print dialog: the same blocks as the Word file. */
export function PrintView() {
  const year = Number(useParams().year);
  const [params] = useSearchParams();
  const doc: PlanDocument = params.get('doc') === 'report' ? 'report' : 'approval';
  const spec = useCall('workPlan.documentView', { year, doc }, { retry: false });
  return <PrintPage query={spec} back={`/work-plan?year=${year}`} />;
}
