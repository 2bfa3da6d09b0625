import { useSearchParams } from 'react-router-dom';
import { useCall } from '@renderer/api/client';
import { PrintPage } from '@renderer/components/DocumentView';

/**
 * A news item for the system print dialog (and «Сохранить как PDF»): the same blocks as its Word
 * file, `?id=` the item, `?back=` the screen to return to (its page, or the list).
 */
export function PrintView() {
  const [params] = useSearchParams();
  const id = Number(params.get('id'));
  const back = params.get('back') ?? '/news/list';
  const spec = useCall('news.documentView', { id: Number.isInteger(id) && id > 0 ? id : 0 }, { retry: false });
  return <PrintPage query={spec} back={back.startsWith('/') ? back : '/news/list'} />;
}
