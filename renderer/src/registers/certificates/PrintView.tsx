import { useSearchParams } from 'react-router-dom';
import { useCall } from '@renderer/api/client';
import { PrintPage } from '@renderer/components/DocumentView';

/**
 * Certificates for the system print dialog (and «Сохранить как PDF»): the same pages as the
 * Word file, `?ids=1,2,3` in the order given, `?back=` the screen to return to.
 */
export function PrintView() {
  const [params] = useSearchParams();
  const ids = (params.get('ids') ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const back = params.get('back') ?? '/certificates/list';
  const view = useCall('certificates.view', { ids }, { retry: false });
  return (
    <PrintPage
      query={{ data: view.data?.spec, error: view.error, isError: view.isError }}
      images={view.data?.images}
      back={back.startsWith('/') ? back : '/certificates/list'}
    />
  );
}
