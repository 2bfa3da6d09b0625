/**
 * The advance widths of a TrueType font (its cmap format 4 and hmtx tables), for ECharts' text
 * layout under server-side rendering: without a canvas zrender estimates every non-ASCII
 * character (all Cyrillic) as 1 em, so labels look ~1.7× wider than they are and are hidden.
 * Written here because no font library is needed for two tables; about 60 lines.
 */

export interface FontMetrics {
  unitsPerEm: number;
  /** The advance width in font units of a code point; undefined without a glyph. */
  advance(codePoint: number): number | undefined;
}

export function parseTtf(buffer: Uint8Array, family: string): FontMetrics {
  const dv = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const tables = new Map<string, number>();
  for (let i = 0; i < dv.getUint16(4); i++) {
    const record = 12 + i * 16;
    tables.set(String.fromCharCode(...buffer.subarray(record, record + 4)), dv.getUint32(record + 8));
  }
  const table = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`${family}: TTF without the ${tag} table`);
    return offset;
  };
  const unitsPerEm = dv.getUint16(table('head') + 18);
  const numHMetrics = dv.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  const cmap = table('cmap');
  // The Windows BMP subtable (platform 3, encoding 1) in format 4.
  let sub = -1;
  for (let i = 0; i < dv.getUint16(cmap + 2); i++) {
    const offset = cmap + dv.getUint32(cmap + 8 + i * 8);
    if (dv.getUint16(cmap + 4 + i * 8) === 3 && dv.getUint16(cmap + 6 + i * 8) === 1 && dv.getUint16(offset) === 4) sub = offset;
  }
  if (sub < 0) throw new Error(`${family}: TTF without a (3,1) format 4 cmap`);
  const segX2 = dv.getUint16(sub + 6);
  const ends = sub + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const ranges = deltas + segX2;
  const glyphOf = (cp: number): number => {
    if (cp > 0xffff) return 0;
    for (let s = 0; s < segX2; s += 2) {
      if (cp > dv.getUint16(ends + s)) continue;
      const start = dv.getUint16(starts + s);
      if (cp < start) return 0;
      const delta = dv.getInt16(deltas + s);
      const rangeOffset = dv.getUint16(ranges + s);
      if (rangeOffset === 0) return (cp + delta) & 0xffff;
      const glyph = dv.getUint16(ranges + s + rangeOffset + 2 * (cp - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
  const cache = new Map<number, number | undefined>();
  return {
    unitsPerEm,
    advance(cp) {
      if (!cache.has(cp)) {
        const glyph = glyphOf(cp);
        cache.set(cp, glyph === 0 ? undefined : dv.getUint16(hmtx + 4 * Math.min(glyph, numHMetrics - 1)));
      }
      return cache.get(cp);
    },
  };
}

/** zrender's measureText(text, font) from the regular and bold metrics; `font` is CSS shorthand («bold 15px …»). */
export function makeMeasureText(regular: FontMetrics, bold: FontMetrics) {
  return (text: string, font?: string) => {
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
    const metrics = /\b(bold|bolder|[6-9]00)\b/.test(font ?? '') ? bold : regular;
    let units = 0;
    // An unknown glyph (zrender's '国' probe for the line height) counts 1 em, as zrender's own fallback.
    for (const ch of text) units += metrics.advance(ch.codePointAt(0) ?? 0) ?? metrics.unitsPerEm;
    return { width: (units / metrics.unitsPerEm) * size };
  };
}
