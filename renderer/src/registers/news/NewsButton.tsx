import { Button } from '@mantine/core';
import { IconNews } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { NewsSourceKind } from '@shared/contract/news';
import { callApi } from '@renderer/api/client';

/**
 * «Новость для сайта» on a held meeting's or event's page: drafts the news item the first time,
 * then opens it. Before the meeting or event is held there is nothing to tell: the button says so.
 */
export function NewsButton({ kind, recordId, held }: { kind: NewsSourceKind; recordId: number; held: boolean }) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    try {
      if (!(await callApi('news.get', { kind, recordId })))
        await callApi('news.draft', { kind, recordId }, 'Новость составлена по данным реестра');
      void navigate(`/news/${kind}/${recordId}`);
    } catch (error) {
      notifications.show({ color: 'red', title: 'Новость не составлена', message: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="light"
      leftSection={<IconNews size={16} />}
      loading={busy}
      disabled={!held}
      title={held ? undefined : kind === 'meeting' ? 'Новость — после проведения заседания' : 'Новость — после проведения мероприятия'}
      onClick={() => void open()}
    >
      Новость для сайта
    </Button>
  );
}
