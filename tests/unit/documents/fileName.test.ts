import { describe, expect, it } from 'vitest';
import { documentFileName } from '@shared/documents/fileName';

const GROUP =
  'Межрайонная рабочая группа сегмента №6 социального кластера «Региональная инновационная система защиты детства Тамбовской области»';

describe('document file names', () => {
  it('keeps a short name as the person wrote it', () => {
    expect(documentFileName('Протокол №3 от 12.09.2017 – Межрайонная рабочая группа сегмента №6', 'docx')).toBe(
      'Протокол №3 от 12.09.2017 – Межрайонная рабочая группа сегмента №6.docx',
    );
  });

  it('replaces characters Windows forbids in file names', () => {
    expect(documentFileName('Поручения – ООО "Ромашка" / филиал: Уварово?', 'docx')).toBe('Поручения – ООО Ромашка филиал Уварово.docx');
  });

  it('cuts a long name at a word so the export can still add its prefix and version within 255 bytes', () => {
    const name = documentFileName(`Протокол №1 от 16.03.2017 – ${GROUP}`, 'docx');
    expect(name.startsWith('Протокол №1 от 16.03.2017 – Межрайонная рабочая группа')).toBe(true);
    expect(name.endsWith('….docx')).toBe(true);
    expect(name).not.toMatch(/ …/);
    const onShare = `.${name}.tmp-0123456789abcdef (12)`;
    expect(Buffer.byteLength(onShare, 'utf8')).toBeLessThanOrEqual(255);
  });
});
