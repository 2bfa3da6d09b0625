import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { FileOutput } from '@shared/contract/define';
import { saveFile } from '@renderer/lib/download';

/** A document made on demand: the button shows it is busy (`busy` = its key), a refusal is said in a notification. */
export function useDocument() {
  const [busy, setBusy] = useState<string | null>(null);
  const download = async (key: string, make: () => Promise<FileOutput>) => {
    setBusy(key);
    try {
      saveFile(await make());
    } catch (error) {
      notifications.show({ color: 'red', title: 'Документ не сформирован', message: (error as Error).message });
    } finally {
      setBusy(null);
    }
  };
  return { busy, download };
}
