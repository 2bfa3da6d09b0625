import { Menu } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeDocx, IconPrinter } from '@tabler/icons-react';
import type { ReactElement } from 'react';
import { Link } from 'react-router-dom';
import type { useDownload } from './common';

/** The plan's documents (PlanScreen's «Документы плана»), opened: loaded when first pressed. */
export default function DocumentsMenu({
  target,
  year,
  download,
  onClose,
}: {
  target: ReactElement;
  year: number;
  download: ReturnType<typeof useDownload>['download'];
  onClose: () => void;
}) {
  return (
    <Menu opened onChange={(open) => (open ? undefined : onClose())} position="bottom-start" withinPortal>
      <Menu.Target>{target}</Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Word</Menu.Label>
        <Menu.Item leftSection={<IconFileTypeDocx size={16} />} onClick={() => void download('approval', year)}>
          План для утверждения (Word)
        </Menu.Item>
        <Menu.Item leftSection={<IconFileTypeDocx size={16} />} onClick={() => void download('report', year)}>
          Отчёт о выполнении плана (Word)
        </Menu.Item>
        <Menu.Label>Excel</Menu.Label>
        <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void download('sheet', year)}>
          Рабочая копия плана (Excel)
        </Menu.Item>
        <Menu.Label>Печать</Menu.Label>
        <Menu.Item leftSection={<IconPrinter size={16} />} component={Link} to={`/work-plan/${year}/print?doc=approval`}>
          План для утверждения — печать
        </Menu.Item>
        <Menu.Item leftSection={<IconPrinter size={16} />} component={Link} to={`/work-plan/${year}/print?doc=report`}>
          Отчёт о выполнении — печать
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
