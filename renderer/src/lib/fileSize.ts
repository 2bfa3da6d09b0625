/** «1,5 МБ», «12 КБ»: a file's size as people read it. */
export function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1
    ? `${mb.toLocaleString('ru-RU', { maximumFractionDigits: 1 })} МБ`
    : `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('ru-RU')} КБ`;
}
