import { xmlSafe } from '@shared/documents/text';
import { safeName } from '@shared/paths';

/** Characters of a file name before its extension; Cyrillic takes two bytes each in UTF-8. */
const MAX_NAME_CHARS = 100;

/**
 * A document's file name a person recognises and every file system accepts: characters
 * Windows forbids become spaces, and a long name (a working group's full name runs to
 * 150 characters) is cut at a word with «…». Linux allows 255 bytes per name, and the export
 * adds a temporary prefix and a « (2)» version to it; Windows paths on a share grow with
 * the folder, so the name stays well under both.
 */
export function documentFileName(base: string, ext: 'docx' | 'xlsx' | 'pdf'): string {
  // Characters Windows forbids become spaces, a device name («CON») gets «_» (shared/paths.ts).
  let name = safeName(xmlSafe(base), 'документ');
  if (name.length > MAX_NAME_CHARS) {
    const cut = name.slice(0, MAX_NAME_CHARS - 1);
    const atWord = cut.lastIndexOf(' ');
    name = `${(atWord > MAX_NAME_CHARS / 2 ? cut.slice(0, atWord) : cut).replace(/[\s,.;–-]+$/, '')}…`;
  }
  return `${name}.${ext}`;
}
