import { useParams, useSearchParams } from 'react-router-dom';
import { useCall } from '@renderer/api/client';
import { PrintPage } from '@renderer/components/DocumentView';

/** The registration sheet for the system print dialog: the same blocks as its Word file (`?session=` for one day). */
export function PrintView() {
  const id = Number(useParams().id);
  const [params] = useSearchParams();
  const sessionId = Number(params.get('session')) || null;
  const spec = useCall('events.documentView', { id, sessionId }, { retry: false });
  return <PrintPage query={spec} back={`/events/list/${id}`} />;
}

/** Справка об участии в мероприятиях for the system print dialog: the same blocks as its Word file. */
export function HistoryPrintView() {
  const personId = Number(useParams().personId);
  const spec = useCall('events.personHistoryView', { personId }, { retry: false });
  return <PrintPage query={spec} back={`/events/person/${personId}`} />;
}
