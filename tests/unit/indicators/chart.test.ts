import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chartPng, chartSvg, svgRaster } from '@main/documents/chart';
import type { ChartSpec } from '@shared/documents/chart';

const TRANSPARENT = 'rgba(0,0,0,0)';

/** Pixels of `image` that differ from `base` (RGB distance), and where they are. */
function ink(base: Uint8Array, image: Uint8Array, width: number) {
  let n = 0;
  let [x0, x1] = [Infinity, -1];
  for (let p = 0; p < base.length; p += 4) {
    const d = Math.abs(image[p]! - base[p]!) + Math.abs(image[p + 1]! - base[p + 1]!) + Math.abs(image[p + 2]! - base[p + 2]!);
    if (d > 60) {
      n++;
      const x = (p / 4) % width;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
    }
  }
  return { n, x0, x1 };
}

/**
 * Every category label drawn in the PNG, found by a pixel difference: the same chart (same layout)
 * drawn with every label transparent, then with one label at a time opaque. A label ECharts hid,
 * or text resvg dropped (a font it cannot read), leaves no ink; labels drawn over each other share it.
 */
async function labelInk(spec: ChartSpec, size = { width: 640, height: 360 }) {
  const base = await svgRaster(chartSvg(spec, size, { categoryLabelColor: () => TRANSPARENT }), 1);
  const found = [];
  for (const category of spec.categories) {
    const only = await svgRaster(chartSvg(spec, size, { categoryLabelColor: (c) => (c === category ? '#000' : TRANSPARENT) }), 1);
    found.push({ category, ...ink(base.pixels, only.pixels, base.width) });
  }
  return found;
}

const quarters: ChartSpec = {
  title: 'Посещения на дому по кварталам 2018 года',
  categories: ['I квартал', 'II квартал', 'III квартал', 'IV квартал'],
  series: [
    { name: 'город Уварово', values: [1234, 1580, 1722, 2045] },
    { name: 'Уваровский район', values: [980, 1105, 1240, 1312] },
    { name: 'Ржаксинский район', values: [645, 702, 815, 903] },
  ],
  unit: 'посещений',
};

const years: ChartSpec = {
  title: 'Случаи открыты: по годам',
  categories: ['2014', '2015', '2016', '2017'],
  series: [{ name: 'Случаи открыты', values: [28, 43, 54, 26] }],
  unit: 'случаев',
};

describe('the chart pipeline', () => {
  it('draws every category label in the PNG, each apart from its neighbours (quarters at 360 px, where ECharts hid «II квартал»)', async () => {
    for (const [spec, width] of [
      [quarters, 360],
      [quarters, 640],
      [years, 640],
    ] as const) {
      const labels = await labelInk(spec, { width, height: 360 });
      for (const l of labels) expect(l.n, `${l.category} at ${width} px`).toBeGreaterThan(40);
      for (let i = 1; i < labels.length; i++)
        expect(labels[i]!.x0, `${labels[i]!.category} after ${labels[i - 1]!.category}`).toBeGreaterThan(labels[i - 1]!.x1);
    }
  });

  it('has a check that fails: at 200 px the quarters’ labels run into each other', async () => {
    const labels = await labelInk(quarters, { width: 200, height: 200 });
    expect(labels.some((l, i) => i > 0 && l.x0 <= labels[i - 1]!.x1)).toBe(true);
  });

  it('formats numbers the Russian way and names one sans font in the SVG', () => {
    const svg = chartSvg(quarters);
    expect(svg).toContain('>1\u00a0234</text>');
    expect(svg).toContain('>II квартал</text>');
    expect(svg).not.toMatch(/font-family:(?!'PT Sans', sans-serif)/);
  });

  it('needs the shipped font: without it resvg draws no text at all', async () => {
    const svg = chartSvg(years);
    const withFont = await svgRaster(svg, 1);
    const without = await svgRaster(svg, 1, false);
    const text = ink(without.pixels, withFont.pixels, withFont.width);
    expect(text.n).toBeGreaterThan(1000);
  });

  it('gives Word a PNG twice the chart’s size', async () => {
    const png = Buffer.from(await chartPng(years));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 720]);
  });

  it('puts the drawing itself into the PNG: every chunk checked, the pixels read back equal to those drawn', async () => {
    const raster = await svgRaster(chartSvg(years), 2);
    const png = Buffer.from(raster.png);
    const chunks: { type: string; data: Buffer }[] = [];
    for (let at = 8; at < png.length;) {
      const length = png.readUInt32BE(at);
      const type = png.subarray(at + 4, at + 8).toString('latin1');
      const data = png.subarray(at + 8, at + 8 + length);
      expect(png.readUInt32BE(at + 8 + length), `${type} CRC`).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
      chunks.push({ type, data });
      at += 12 + length;
    }
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const header = chunks[0]!.data;
    // 8 bits per channel, RGBA, deflate, standard filters, no interlace.
    expect([...header.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
    const lines = inflateSync(chunks[1]!.data);
    const stride = raster.width * 4;
    expect(lines.length).toBe((stride + 1) * raster.height);
    const pixels = Buffer.alloc(stride * raster.height);
    for (let y = 0; y < raster.height; y++) {
      expect(lines[y * (stride + 1)]).toBe(0);
      lines.copy(pixels, y * stride, y * (stride + 1) + 1, (y + 1) * (stride + 1));
    }
    expect(pixels.equals(Buffer.from(raster.pixels))).toBe(true);
  });
});
