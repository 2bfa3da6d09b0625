import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { crc32, deflateSync } from 'node:zlib';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent, type GridComponentOption } from 'echarts/components';
import type { LegendComponentOption, MarkLineComponentOption, TitleComponentOption } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { ChartSpec, TimelineSpec } from '@shared/documents/chart';
import type { Block } from '@shared/documents/model';
import { xmlSafe } from '@shared/documents/text';
import { makeMeasureText, parseTtf } from './fontMetrics';

/**
 * The one chart pipeline (see /work/notes/charts.md for the probes behind each choice):
 * ChartSpec → ECharts option → SVG (ECharts 6 server-side rendering, no canvas, no DOM) → PNG by
 * resvg compiled to WebAssembly (nothing native to package). Text is PT Sans, a TTF shipped in
 * resources/fonts with its OFL licence: resvg draws nothing from WOFF, and has no system fonts.
 */

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, SVGRenderer]);

type ChartOption = echarts.ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | TitleComponentOption
>;

const FONT_FAMILY = 'PT Sans';
/** An SVG shown as <img> does not see the page's fonts: the generic family keeps it sans. */
const CSS_FONT_FAMILY = `'${FONT_FAMILY}', sans-serif`;
const FONT_FILES = ['PTSans_400Regular.ttf', 'PTSans_700Bold.ttf'] as const;

/** The folder holding resources/fonts: the repository in development, app.asar when packaged (readable by fs). */
function resourcesFolder(): string {
  // Absolute: a worker thread run from source is evaluated code whose __dirname is «.» (the export's
  // documents are built there), and createRequire below takes absolute paths only.
  const here = path.resolve(import.meta.url ? path.dirname(fileURLToPath(import.meta.url)) : __dirname);
  for (let dir = here; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'resources', 'fonts', FONT_FILES[0]))) return path.join(dir, 'resources');
    if (path.dirname(dir) === dir) throw new Error(`Chart fonts not found above ${here}`);
  }
}

let fonts: Uint8Array[] | undefined;
function chartFonts(): Uint8Array[] {
  if (!fonts) {
    const folder = path.join(resourcesFolder(), 'fonts');
    fonts = FONT_FILES.map((f) => new Uint8Array(readFileSync(path.join(folder, f))));
    // Without a canvas zrender measures every Cyrillic letter as 1 em, thinks labels overlap and
    // hides them («II квартал» vanished in a probe): it gets the font's real advance widths.
    // Before the first chart: zrender caches widths per font.
    echarts.setPlatformAPI({ measureText: makeMeasureText(parseTtf(fonts[0]!, FONT_FAMILY), parseTtf(fonts[1]!, FONT_FAMILY)) });
  }
  return fonts;
}

const numberFormat = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2 });
const PALETTE = ['#1c7ed6', '#f08c00', '#2f9e44', '#ae3ec9', '#e03131', '#0c8599'];

export interface ChartSize {
  width: number;
  height: number;
}

export const CHART_SIZE: ChartSize = { width: 640, height: 360 };

/** Drawing options a test may change: the labels' colour (a pixel check draws one label at a time). */
export interface ChartDrawing {
  categoryLabelColor?: (category: string) => string;
}

/** What every chart has: no animation, the palette, PT Sans, the bold title on top. */
const frame = (title: string): ChartOption => ({
  animation: false,
  color: PALETTE,
  textStyle: { fontFamily: CSS_FONT_FAMILY },
  title: { text: title, left: 'center', top: 8, textStyle: { fontSize: 15, fontWeight: 'bold' } },
});

function chartOption(spec: ChartSpec, drawing: ChartDrawing): ChartOption {
  const many = spec.series.length > 1;
  return {
    ...frame(spec.title),
    ...(many ? { legend: { top: 34, data: spec.series.map((s) => s.name) } } : {}),
    // grid.containLabel is deprecated in ECharts 6: the outer bounds keep the axis labels inside.
    grid: { top: many ? 76 : 56, left: 16, right: 24, bottom: 16, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'category',
      data: spec.categories,
      // Every category is drawn: ECharts' own interval drops labels it thinks collide.
      axisLabel: {
        interval: 0,
        hideOverlap: false,
        fontSize: 13,
        ...(drawing.categoryLabelColor ? { color: drawing.categoryLabelColor as never } : {}),
      },
    },
    yAxis: {
      type: 'value',
      name: spec.unit,
      minInterval: 1,
      axisLabel: { formatter: (v: number) => numberFormat.format(v) },
    },
    series: spec.series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values,
      barMaxWidth: 56,
      label: {
        show: true,
        position: 'top',
        formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? numberFormat.format(p.value) : ''),
      },
      labelLayout: { hideOverlap: false },
    })),
  };
}

/**
 * Names come from the database, where an old backup or a package may have put characters XML 1.0
 * forbids: in an SVG they make the image unreadable (resvg refuses it, the window shows nothing).
 */
const xmlSafeSpec = (spec: ChartSpec): ChartSpec => ({
  title: xmlSafe(spec.title),
  categories: spec.categories.map(xmlSafe),
  series: spec.series.map((s) => ({ name: xmlSafe(s.name), values: s.values })),
  unit: xmlSafe(spec.unit),
});

function renderSvg(option: ChartOption, size: ChartSize): string {
  chartFonts();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    // A chart not disposed keeps zrender's timer, and the process, alive.
    chart.dispose();
  }
}

export function chartSvg(unsafe: ChartSpec, size: ChartSize = CHART_SIZE, drawing: ChartDrawing = {}): string {
  return renderSvg(chartOption(xmlSafeSpec(unsafe), drawing), size);
}

/** A day as the time axis holds it: local midnight, as ECharts places its ticks in local time. */
const dayValue = (iso: string) => new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))).getTime();
const two = (n: number) => String(n).padStart(2, '0');
/** A tick of the time axis the Russian way: «01.03.2019», or «03.2019» where ticks are months. */
function dayLabel(value: number): string {
  const d = new Date(value);
  const month = `${two(d.getMonth() + 1)}.${d.getFullYear()}`;
  return d.getDate() === 1 ? month : `${two(d.getDate())}.${month}`;
}

function timelineOption(spec: TimelineSpec): ChartOption {
  return {
    ...frame(spec.title),
    grid: { top: 56, left: 16, right: 32, bottom: 16, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    // A time axis picks its own ticks; labels that would touch are left out (the days are not categories).
    xAxis: { type: 'time', axisLabel: { fontSize: 12, hideOverlap: true, formatter: dayLabel } },
    yAxis: { type: 'value', name: spec.unit, minInterval: 1, min: 0, axisLabel: { formatter: (v: number) => numberFormat.format(v) } },
    series: [
      {
        type: 'line',
        name: spec.seriesName,
        step: 'end',
        showSymbol: spec.points.length <= 40,
        data: spec.points.map((p) => [dayValue(p.date), p.value]),
        ...(spec.level
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                lineStyle: { type: 'dashed', color: PALETTE[1] },
                label: { formatter: `${spec.level.name}: ${numberFormat.format(spec.level.value)}`, position: 'insideEndTop' },
                data: [{ yAxis: spec.level.value }],
              },
            }
          : {}),
      },
    ],
  };
}

/** A timeline (a stock over time) as SVG, by the same pipeline and fonts as the bar charts. */
export function timelineSvg(unsafe: TimelineSpec, size: ChartSize = CHART_SIZE): string {
  const spec: TimelineSpec = {
    ...unsafe,
    title: xmlSafe(unsafe.title),
    seriesName: xmlSafe(unsafe.seriesName),
    unit: xmlSafe(unsafe.unit),
    ...(unsafe.level ? { level: { ...unsafe.level, name: xmlSafe(unsafe.level.name) } } : {}),
  };
  return renderSvg(timelineOption(spec), size);
}

let wasm: Promise<void> | undefined;
/**
 * resvg's WebAssembly is started once per process or worker thread (a second initWasm throws).
 * Its code runs in V8's baseline compiler only (Liftoff): a document draws a few charts in a fresh
 * worker, and the optimising tier's compilation of resvg's hot functions, on the same two cores,
 * never paid back within them — measured in a fresh process, a 1280×720 chart took 669, 329 and
 * 194 ms by default and 217, 87 and 83 ms with Liftoff only (tests/bench/reports.ts times the
 * report's job). The flag concerns WebAssembly alone, and resvg is the application's only module.
 */
function resvgReady(): Promise<void> {
  if (!wasm) {
    setFlagsFromString('--liftoff-only');
    // Compiled here, not inside initWasm: WebAssembly.compile starts at once, initWasm only after a few awaits.
    wasm = initWasm(WebAssembly.compile(readFileSync(createRequire(resourcesFolder()).resolve('@resvg/resvg-wasm/index_bg.wasm'))));
  }
  return wasm;
}

/**
 * Everything the first chart needs that can start ahead: resvg's WebAssembly compiled (V8 compiles
 * it on a thread of its own, so a caller that starts this before its synchronous reads gets the two
 * at once) and the fonts read. A report's job calls it before gathering its data.
 */
export function prepareCharts(): Promise<void> {
  chartFonts();
  return resvgReady();
}

export interface Raster {
  width: number;
  height: number;
  png: Uint8Array;
  /** RGBA, for tests that compare drawings. */
  pixels: Uint8Array;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * RGBA pixels as a PNG (8-bit RGBA, no filter, deflated by Node's zlib). resvg's own encoder runs
 * in WebAssembly on the baseline tier (see resvgReady) and took about 60 % of a chart's drawing;
 * zlib does the same in a tenth of the time, and a chart's flat colours compress as well unfiltered.
 */
function pngOf(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const stride = width * 4;
  // Each scanline is preceded by its filter type, 0 (none).
  const lines = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) lines.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  // Level 1: a 1280×720 chart in about 7 ms instead of 29 at the default level 6 (load 13), for a
  // PNG of about 40 kB instead of 23; a Word file deflates it once more (zip.ts) to about 23 kB.
  const idat = deflateSync(lines, { level: 1 });
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0))]);
}

/** The SVG as a picture `scale` times its size (2: 192 dpi at the chart's size in Word). */
export async function svgRaster(svg: string, scale = 2, withFonts = true): Promise<Raster> {
  await resvgReady();
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: scale },
    font: { fontBuffers: withFonts ? chartFonts() : [], defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
  });
  try {
    const image = resvg.render();
    try {
      const pixels = image.pixels;
      return { width: image.width, height: image.height, png: pngOf(image.width, image.height, pixels), pixels };
    } finally {
      image.free();
    }
  } finally {
    // WebAssembly memory is not collected by the garbage collector.
    resvg.free();
  }
}

/** The chart as PNG for a Word document. */
export async function chartPng(spec: ChartSpec, size: ChartSize = CHART_SIZE, scale = 2): Promise<Uint8Array> {
  return (await svgRaster(chartSvg(spec, size), scale)).png;
}

/**
 * The chart as a picture block of a document: PNG at twice the chart's size (192 dpi at 16 cm),
 * the text alternative saying what the chart shows — its title, every category with its values
 * and the unit — so a copy read aloud or as text loses nothing.
 */
export async function chartImage(
  unsafe: ChartSpec,
  options: { widthMm: number; caption?: string },
): Promise<Extract<Block, { kind: 'image' }>> {
  const spec = xmlSafeSpec(unsafe);
  const raster = await svgRaster(chartSvg(spec), 2);
  const values = spec.categories.map((category, i) => {
    const figures = spec.series.map((s) => (s.values[i] === null || s.values[i] === undefined ? '—' : numberFormat.format(s.values[i]!)));
    return `${category} — ${figures.join(' / ')}`;
  });
  const series = spec.series.length > 1 ? ` (${spec.series.map((s) => s.name).join(' / ')})` : '';
  return {
    kind: 'image',
    picture: { png: Buffer.from(raster.png).toString('base64'), pixelWidth: raster.width, pixelHeight: raster.height },
    widthMm: options.widthMm,
    alt: `Диаграмма «${spec.title}»${series}, ${spec.unit}: ${values.join('; ')}`,
    ...(options.caption ? { caption: options.caption } : {}),
  };
}
