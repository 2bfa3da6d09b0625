import type { AppDb } from '@db/open';
import { getStoredFile, readStoredFile } from '@main/services/files';
import { conflict } from '@main/api/errors';

/** A logo larger than this is a photograph, not a logo: the Word file of forty pages would carry it forty times. */
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;

export interface LogoImage {
  data: Buffer;
  type: 'png' | 'jpg';
  widthPx: number;
  heightPx: number;
}

/**
 * The pixel size of a PNG (IHDR) or a JPEG (the first SOFn marker). Hand-written: these are two
 * fixed header layouts, and no image library is a dependency of the project (sharp and friends
 * bring native binaries for what is 20 lines here).
 */
export function imageSize(data: Buffer, type: 'png' | 'jpg'): { width: number; height: number } | null {
  if (type === 'png') {
    if (data.length < 24 || data.subarray(12, 16).toString('latin1') !== 'IHDR') return null;
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  let at = 2;
  while (at + 9 < data.length) {
    if (data[at] !== 0xff) return null;
    const marker = data[at + 1]!;
    const length = data.readUInt16BE(at + 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame's size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) };
    }
    at += 2 + length;
  }
  return null;
}

/** The logo's bytes and size, refused in Russian when the stored file is not a usable picture. */
export function loadLogo(db: AppDb, dataDir: string, hash: string): LogoImage {
  const file = getStoredFile(db, hash);
  if (!file) throw conflict('Файл логотипа не найден в хранилище: выберите логотип снова.');
  const type = file.mime === 'image/png' ? 'png' : file.mime === 'image/jpeg' ? 'jpg' : null;
  if (!type) throw conflict(`Логотип должен быть картинкой PNG или JPEG, а «${file.originalName}» — не такая картинка.`);
  if (file.size > MAX_LOGO_BYTES) throw conflict(`Логотип «${file.originalName}» больше 2 МБ: уменьшите картинку.`);
  const data = readStoredFile(db, dataDir, hash);
  const size = imageSize(data, type);
  if (!size || size.width < 1 || size.height < 1)
    throw conflict(`Картинку «${file.originalName}» не удалось прочитать: сохраните её заново как PNG.`);
  return { data, type, widthPx: size.width, heightPx: size.height };
}

/** The logo's printed size: the chosen width, the height by its proportions, at most 35 mm high. */
export function logoPrintSize(logo: { widthPx: number; heightPx: number }, widthMm: number): { widthMm: number; heightMm: number } {
  const MAX_HEIGHT = 35;
  const heightMm = (widthMm * logo.heightPx) / logo.widthPx;
  if (heightMm <= MAX_HEIGHT) return { widthMm, heightMm: Math.round(heightMm * 10) / 10 };
  return { widthMm: Math.round(((MAX_HEIGHT * logo.widthPx) / logo.heightPx) * 10) / 10, heightMm: MAX_HEIGHT };
}
