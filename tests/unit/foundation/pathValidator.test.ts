import { describe, expect, it } from 'vitest';
import { nameProblem, pathProblem, safeName } from '@shared/paths';

/**
 * The one validator of paths and names from the user (shared/paths.ts): Windows' rules on every
 * platform, since the exports are read on Windows. Each refusal is a Russian phrase.
 */

describe('paths from the user', () => {
  it.each([
    ['C:\\Копии\\центр.sqlite'],
    ['\\\\server\\share\\Ресурсный центр'],
    ['//server/share/Выгрузка'],
    ['/home/user/Копии/центр.sqlite'],
    // A folder of this machine may carry what Windows forbids (a smbnetfs mount): only the last name travels.
    ['/mnt/smb/server:445/share/Выгрузка'],
  ])('accepts %s', (text) => {
    expect(pathProblem(text)).toBeNull();
  });

  it.each([
    ['копия.sqlite', /полный путь/],
    ['..\\копия.sqlite', /полный путь/],
    ['/home/user/../root/копия.sqlite', /«\.\.»/],
    ['/home/user/ко\0пия.sqlite', /нулевой символ/],
    ['/home/user/\ud800.sqlite', /половину суррогатной пары/],
    ['C:\\Копии\\NUL', /имя устройства Windows/],
    ['C:\\Копии\\com1.sqlite', /имя устройства Windows/],
    ['/home/user/LPT1', /имя устройства Windows/],
    ['/home/user/CON .', /точкой или пробелом/],
    ['C:\\Копии\\a:b.sqlite', /символ «:»/],
    ['C:\\Копии\\что?.sqlite', /символ «\?»/],
    ['/home/user/таб\tуляция', /управляющий символ/],
    [`C:\\${'д'.repeat(300)}`, /длиннее 259 символов/],
  ])('refuses %j in Russian', (text, reason) => {
    const problem = pathProblem(text);
    expect(problem).toMatch(reason);
    expect(problem).toMatch(/[а-я]/);
  });

  it('refuses a name of 256 characters, which NTFS and SMB cannot store', () => {
    expect(nameProblem('я'.repeat(255))).toBeNull();
    expect(nameProblem('я'.repeat(256))).toMatch(/длиннее 255/);
  });
});

describe('names the application makes', () => {
  it('are made acceptable instead of refused: devices get «_», forbidden characters become spaces', () => {
    expect(safeName('CON')).toBe('CON_');
    expect(safeName('nul.docx')).toBe('nul_.docx');
    expect(safeName('План: 2017 / «Доверие»?.')).toBe('План 2017 «Доверие»');
    expect(safeName('\ud800')).toBe('файл');
    for (const name of ['CON', 'nul.docx', 'План: 2017 / «Доверие»?.', 'a\0b', 'LPT9 .']) expect(nameProblem(safeName(name))).toBeNull();
  });
});
