import { useParams, useSearchParams } from 'react-router-dom';
import { MEETING_DOCUMENTS, type MeetingDocument } from '@shared/contract/meetings';
import { useCall } from '@renderer/api/client';
import { PrintPage } from '@renderer/components/DocumentView';

/** A meeting's document for the system print dialog: the same blocks as its Word file. */
export function PrintView() {
  const id = Number(useParams().id);
  const [params] = useSearchParams();
  const asked = params.get('doc') as MeetingDocument | null;
  const doc = asked && MEETING_DOCUMENTS.includes(asked) ? asked : 'full';
  const itemId = Number(params.get('item')) || null;
  const organizationId = Number(params.get('organization')) || null;
  const spec = useCall('meetings.documentView', { id, doc, itemId, organizationId }, { retry: false });
  return <PrintPage query={spec} back={`/meetings/list/${id}`} />;
}
