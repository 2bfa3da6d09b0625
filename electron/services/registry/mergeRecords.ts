/** What a conflicting row says beyond its key, in words, for choosing which one stays. */
const COLUMN_WORDS: Record<string, (value: unknown) => string> = {
  present: (v) => (v ? 'отмечен присутствующим' : 'отмечен отсутствующим'),
  registration_number: (v) => (v === null ? '' : `рег. № ${String(v)}`),
  chair: (v) => (v ? 'председатель комиссии' : ''),
};

export function rowWords(row: Record<string, unknown>, dependents: number): string {
  const words = Object.entries(row)
    .map(([column, value]) => COLUMN_WORDS[column]?.(value) ?? '')
    .filter(Boolean);
  if (dependents > 0) words.push(`связанных с ней записей (отметок, строк): ${dependents}`);
  return words.join(', ') || 'без особых отметок';
}
