import type { Block, DocumentSpec, TableRow } from '@shared/documents/model';
import { documentFileName } from '@shared/documents/fileName';
import { endDot } from '@shared/documents/text';
import type { ReportedIndicator } from '@main/services/indicators';
import { countInUnit, formatDateRangeLong, formatNumber } from '@shared/russian';
import type { ReportData } from './assemble';

/**
 * The report as one document of the model (Word and the print view read the same blocks): the
 * title, then each editable paragraph followed by the section it introduces, the charts, and the
 * director's signature. `paragraphs` holds each paragraph as printed (its fields written out); an
 * empty one is left out. Page numbers from page 2 and «ПРОЕКТ» on a draft are the renderers' rules.
 */

const para = (text: string, indent = true): Block => ({ kind: 'para', text, indent });

/** A paragraph may hold several: one block per line the writer typed. */
const written = (text: string | undefined): Block[] =>
  (text ?? '')
    .split(/\n+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => para(t));

/** «– a;», «– b;» … «– z.»: a list inside a sentence, as the seed writes it. */
const dashList = (lines: string[]): Block[] => lines.map((l, i) => para(`– ${i === lines.length - 1 ? endDot(l) : `${l};`}`));

/** «1. Title.»: a numbered list (the questions considered, the events attended). */
const numbered = (lines: string[], end: (i: number) => string): Block[] =>
  lines.map((l, i) => para(`${i + 1}. ${l.replace(/[.;]+$/, '')}${end(i)}`));

/** «8 случаев по городу Уварово, в них 14 детей»: each municipality of the segment, with the indicator's «в них» beside it. */
function placesBlock(r: ReportedIndicator, children: ReportedIndicator[]): Block[] {
  const lines = r.places!.map((p, i) => {
    if (p.value === null) return `по ${p.dative} – нет данных`;
    const inThem = children
      .map((c) => c.places?.[i]?.value)
      .map((v, j) => (v === null || v === undefined ? null : `в них ${countInUnit(v, children[j]!.indicator.unit)}`))
      .filter(Boolean);
    return [`${countInUnit(p.value, r.indicator.unit)} по ${p.dative}`, ...inThem].join(', ');
  });
  return [para(`${r.indicator.name} по муниципальным образованиям сегмента:`), ...dashList(lines)];
}

/** «Случаи открыты: 2014 – 28 случаев, 2015 – 43, 2016 – 54, 2017 – 26.» */
function comparison(r: ReportedIndicator, year: number): string {
  const years = [...r.earlier, ...(r.value === null ? [] : [{ year, value: r.value, complete: r.complete }])];
  const parts = years.map(
    (y, i) => `${y.year}${y.complete ? '' : '*'} – ${i === 0 ? countInUnit(y.value, r.indicator.unit) : formatNumber(y.value)}`,
  );
  return `${r.indicator.name}: ${parts.join(', ')}.`;
}

function monitoringBlocks(data: ReportData): Block[] {
  const shown = data.indicators.filter((r) => r.value !== null || r.places);
  const blocks: Block[] = [];
  const childOf = new Set<number>();
  for (const r of shown) {
    if (!r.places) continue;
    if (r.indicator.atLeastId !== null && shown.some((o) => o.indicator.id === r.indicator.atLeastId && o.places))
      childOf.add(r.indicator.id);
  }
  for (const r of shown) {
    if (!r.places || childOf.has(r.indicator.id)) continue;
    blocks.push(
      ...placesBlock(
        r,
        shown.filter((c) => c.indicator.atLeastId === r.indicator.id && c.places),
      ),
    );
  }
  const compared = shown.filter((r) => r.earlier.length > 0);
  if (compared.length > 0) {
    blocks.push(para('В сравнении с предыдущими годами:'), ...compared.map((r) => para(comparison(r, data.year))));
    if (compared.some((r) => [...r.earlier, r].some((y) => !y.complete))) blocks.push(para('* Данные за год неполные.'));
  }
  if (shown.length > 0) {
    const years = [...new Set(shown.flatMap((r) => r.earlier.map((y) => y.year)))].sort((a, b) => a - b);
    const rows: TableRow[] = [];
    let group = '';
    for (const r of shown) {
      if (r.indicator.group !== group) {
        group = r.indicator.group;
        if (group) rows.push({ group });
      }
      const before = years.map((y) => r.earlier.find((e) => e.year === y));
      rows.push({
        cells: [
          r.indicator.name,
          r.indicator.unit,
          ...before.map((e) => (e ? `${formatNumber(e.value)}${e.complete ? '' : '*'}` : '—')),
          r.value === null ? '—' : `${formatNumber(r.value)}${r.complete ? '' : '*'}`,
        ],
      });
    }
    blocks.push({
      kind: 'line',
      text: `Показатели мониторинга ${data.periodPhrase}`,
      align: 'center',
      bold: true,
      spaceBefore: 1,
      heading: true,
    });
    blocks.push({
      kind: 'table',
      columns: [
        { title: 'Показатель', share: 5 },
        { title: 'Единица', share: 2, align: 'center' },
        ...years.map((y) => ({ title: String(y), share: 1.3, align: 'center' as const })),
        { title: data.periodLabel, share: 1.6, align: 'center' },
      ],
      rows,
    });
  }
  return blocks;
}

function planBlocks(data: ReportData): Block[] {
  if (!data.plan) return [];
  return [
    {
      kind: 'table',
      columns: [
        { title: 'Направление', share: 4 },
        { title: 'Пунктов', share: 1.5, align: 'center' },
        { title: 'Выполнено', share: 1.9, align: 'center' },
        { title: 'Перенесено', share: 1.9, align: 'center' },
        { title: 'Отменено', share: 1.7, align: 'center' },
        { title: '%', share: 0.9, align: 'center' },
      ],
      rows: [...data.plan.rows, { ...data.plan.total, label: 'Всего' }].map((r) => ({
        cells: [r.label, String(r.total), String(r.done), String(r.moved), String(r.cancelled), `${r.donePercent}`],
      })),
    },
  ];
}

export const reportTitle = (data: ReportData) =>
  `Отчёт о работе ${data.groupGenitive ?? (data.profile.shortName || 'ресурсного центра')} ${data.periodPhrase}`;

export function reportDocument(
  data: ReportData,
  paragraphs: ReadonlyMap<string, string>,
  charts: Extract<Block, { kind: 'image' }>[],
  draft: boolean,
): DocumentSpec {
  const p = (key: string) => written(paragraphs.get(key));
  const attended = data.events.filter((e) => !e.own);
  const own = data.events.filter((e) => e.own);
  const title = reportTitle(data);
  const blocks: Block[] = [
    { kind: 'line', text: endDot(title), align: 'center', bold: true, heading: true },
    ...p('intro').map((b) => ({ ...b, spaceBefore: 1 as const })),
    ...p('meetings'),
    ...numbered(
      data.meetings.flatMap((m) => m.topics),
      () => '.',
    ),
    ...p('plan'),
    ...planBlocks(data),
    ...p('monitoring'),
    ...monitoringBlocks(data),
    ...charts,
    ...p('events'),
    ...numbered(
      attended.map((e) => `${e.title} – ${formatDateRangeLong(e.firstDay, e.lastDay)}`),
      (i) => (i === attended.length - 1 ? '.' : ';'),
    ),
    ...p('training'),
    ...dashList(
      own.map((e) => `${e.title} – ${formatDateRangeLong(e.firstDay, e.lastDay)}, завершили обучение: ${e.completed} из ${e.attended}`),
    ),
    ...p('publications'),
    ...dashList(data.issued.map((x) => `${x.title} – ${formatNumber(x.copies)}\u00A0экз.`)),
    ...p('assignments'),
    ...p('closing'),
  ];
  const { profile } = data;
  if (profile.directorName) {
    blocks.push({
      kind: 'signatures',
      spaceBefore: 2,
      signers: [
        { position: [profile.directorPosition || 'Директор', profile.shortName].filter(Boolean).join(' '), name: profile.directorName },
      ],
    });
  }
  return {
    title,
    fileName: documentFileName(`Отчёт о работе ${data.periodPhrase}`, 'docx').replace(/\.docx$/, ''),
    orientation: 'portrait',
    draft,
    blocks,
  };
}
