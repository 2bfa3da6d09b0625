import type { MenuItemConstructorOptions } from 'electron';

/**
 * A short Russian menu. Electron's default menu is English and offers developer items; the
 * edit items are kept because they carry the clipboard and undo shortcuts on every system.
 */
export function menuTemplate(): MenuItemConstructorOptions[] {
  return [
    { label: 'Файл', submenu: [{ label: 'Выход', role: 'quit', accelerator: 'CmdOrCtrl+Q' }] },
    {
      label: 'Правка',
      submenu: [
        { label: 'Отменить', role: 'undo' },
        { label: 'Повторить', role: 'redo' },
        { type: 'separator' },
        { label: 'Вырезать', role: 'cut' },
        { label: 'Копировать', role: 'copy' },
        { label: 'Вставить', role: 'paste' },
        { label: 'Выделить всё', role: 'selectAll' },
      ],
    },
    {
      label: 'Вид',
      submenu: [
        { label: 'Обновить', role: 'reload' },
        { type: 'separator' },
        { label: 'Обычный масштаб', role: 'resetZoom' },
        { label: 'Крупнее', role: 'zoomIn' },
        { label: 'Мельче', role: 'zoomOut' },
        { type: 'separator' },
        { label: 'Во весь экран', role: 'togglefullscreen' },
      ],
    },
  ];
}
