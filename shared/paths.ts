/**
 * The one check of paths and file names that come from the user (a typed folder, a chosen
 * file) or go to the share (a center code, a document's name). The application runs on
 * Windows and its exports are read there, so Windows' rules apply on every platform: a name
 * Linux accepts but Explorer cannot open («NUL», «отчёт.», «a:b») is refused here, not found
 * broken on the coordinator's PC. Both sides use it: the contract's path schemas and the
 * services that make names.
 */

/** Windows' MAX_PATH is 260 with the terminating NUL: Explorer, Word and Excel open nothing longer. */
export const MAX_PATH_CHARS = 259;
/** NTFS and SMB allow 255 UTF-16 units per name. */
export const MAX_NAME_CHARS = 255;

/** Device names Windows reserves in every folder, with any extension («nul.txt» is the device too). */
const DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;
/** Characters Windows forbids in a name, and the control characters 1–31. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_NAME = /[<>:"|?*\\/\u0001-\u001f]/;
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_NAME_G = /[<>:"|?*\\/\u0000-\u001f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function isDeviceName(name: string): boolean {
  // Windows ignores trailing dots and spaces, so «CON .» is the device as well.
  return DEVICE_NAME.test(name.replace(/[. ]+$/, ''));
}

/** The first lone surrogate (half of a character) in a string: no file system stores it. */
export function loneSurrogateAt(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return -1;
}

const codeOf = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a single name (no separators) cannot be a file or folder name on Windows; null when it can. */
export function nameProblem(name: string): string | null {
  if (name.length === 0) return 'пустое имя';
  if (name.includes('\0')) return `имя «${visible(name)}» содержит нулевой символ`;
  if (loneSurrogateAt(name) >= 0) return `имя «${visible(name)}» содержит повреждённый символ (половину суррогатной пары)`;
  const bad = FORBIDDEN_IN_NAME.exec(name);
  if (bad) {
    const shown = bad[0] < ' ' ? `управляющий символ ${codeOf(bad[0])}` : `символ «${bad[0]}»`;
    return `имя «${visible(name)}» содержит ${shown}, который Windows не допускает в именах`;
  }
  if (name === '.' || name === '..') return 'имя «..» или «.» означает другую папку';
  if (/[. ]$/.test(name)) return `имя «${visible(name)}» оканчивается точкой или пробелом, Windows такое имя не сохранит`;
  if (isDeviceName(name)) return `«${visible(name)}» — имя устройства Windows, файл или папку так назвать нельзя`;
  if (name.length > MAX_NAME_CHARS) return `имя длиннее ${MAX_NAME_CHARS} символов`;
  return null;
}

/** A short, printable form of a name for a message (no raw control characters or half-characters). */
function visible(name: string): string {
  const cut = name.length > 60 ? `${name.slice(0, 57)}…` : name;
  // eslint-disable-next-line no-control-regex
  return cut.replace(/[\u0000-\u001f]/g, '·').replace(/[\ud800-\udfff]/g, '·');
}

/** The parts of an absolute path: its root («C:\», «\\server\share\», «/») and the names below it. */
export function splitAbsolute(text: string): { root: string; names: string[] } | null {
  const below = (root: string) => ({
    root,
    names: text
      .slice(root.length)
      .split(/[\\/]+/)
      .filter(Boolean),
  });
  const unc = /^(?:\\\\|\/\/)([^\\/]+)[\\/]([^\\/]+)(?:[\\/]|$)/.exec(text);
  if (unc) return below(unc[0]);
  const drive = /^[A-Za-z]:[\\/]/.exec(text);
  if (drive) return below(drive[0]);
  if (text.startsWith('/') && !text.startsWith('//')) return { root: '/', names: text.slice(1).split('/').filter(Boolean) };
  return null;
}

/**
 * Why a path typed or chosen by the user cannot be used; null when it can. Absolute only (a
 * relative path would land wherever the app or the scheduler happened to start), no «..», short
 * enough for Windows programs to open. A Windows path (a drive, a UNC share) must be one
 * Windows accepts in every name; a POSIX path names folders this machine already has, so only
 * its last name — what the application creates or what travels — must be one Windows accepts
 * (a smbnetfs mount such as `/mnt/smb/server:445/share` is a folder of this machine).
 */
export function pathProblem(text: string): string | null {
  if (text.includes('\0')) return 'путь содержит нулевой символ';
  if (loneSurrogateAt(text) >= 0) return 'путь содержит повреждённый символ (половину суррогатной пары)';
  const parts = splitAbsolute(text);
  if (!parts) return 'укажите полный путь, например C:\\Папка, \\\\server\\share\\Папка или /home/user/Папка';
  if (text.length > MAX_PATH_CHARS) return `путь длиннее ${MAX_PATH_CHARS} символов: Windows-программы не откроют такой файл`;
  const windows = parts.root !== '/';
  const names = windows ? [...parts.root.split(/[\\/]+/).filter((n) => n && !/^[A-Za-z]:$/.test(n)), ...parts.names] : parts.names;
  for (const [i, name] of names.entries()) {
    if (name === '..' || name === '.') return 'путь не может содержать «..» или «.»: укажите папку прямо';
    // eslint-disable-next-line no-control-regex
    if (/[\u0001-\u001f]/.test(name)) return `имя «${visible(name)}» содержит управляющий символ`;
    const problem = windows || i === names.length - 1 ? nameProblem(name) : null;
    if (problem) return problem;
  }
  return null;
}

/**
 * A name the application makes (a document's title, a center code) turned into one every
 * file system accepts: forbidden characters become spaces, trailing dots and spaces go, a
 * device name gets «_» after it. Unlike `nameProblem` it never refuses: the name is ours.
 */
export function safeName(name: string, fallback = 'файл'): string {
  let safe = name
    .replace(FORBIDDEN_IN_NAME_G, ' ')
    .replace(LONE_SURROGATE, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  if (!safe) safe = fallback;
  // «CON» → «CON_», «nul.docx» → «nul_.docx»: the device is the part before the first dot.
  if (isDeviceName(safe)) safe = safe.replace(/^([^.]*)/, '$1_');
  return safe;
}
