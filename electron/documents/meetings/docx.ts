import {
  AlignmentType,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { A4, BODY_SIZE, cellBorders, FONT, mm, pageMargins, TABLE_SIZE } from '@main/documents/docxStyle';
import type { Block } from '@shared/documents/meetings/layout';

/**
 * Word rendering of the blocks per ГОСТ Р 7.0.97-2016: A4 portrait; margins left 30 mm
 * (documents kept over ten years), right 10 mm, top and bottom 20 mm; Times New Roman 14;
 * first-line indent 1.25 cm; page numbers from page 2, centred at the top.
 */

const MARGIN = pageMargins(10);
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const INDENT = mm(12.5);

const ALIGN = { center: AlignmentType.CENTER, left: AlignmentType.LEFT, right: AlignmentType.RIGHT } as const;
const rightTab = [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }];

/** Line breaks typed into a text stay line breaks on paper. */
function runs(text: string, options: { bold?: boolean; size?: number } = {}): TextRun[] {
  return text
    .split('\n')
    .map((line, i) => new TextRun({ text: line, bold: options.bold, size: options.size, break: i > 0 ? 1 : undefined }));
}

function table(block: Extract<Block, { kind: 'table' }>): Table {
  const total = block.columns.reduce((s, c) => s + c.share, 0);
  const widths = block.columns.map((c) => Math.floor((TEXT_WIDTH * c.share) / total));
  const cell = (text: string, width: number, bold = false) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders: cellBorders,
      verticalAlign: VerticalAlign.TOP,
      margins: { top: 60, bottom: 60, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: bold ? AlignmentType.CENTER : AlignmentType.LEFT,
          indent: { firstLine: 0 },
          children: runs(text, { bold, size: TABLE_SIZE }),
        }),
      ],
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      // Repeated on every page of a long registration sheet.
      new TableRow({ tableHeader: true, cantSplit: true, children: block.columns.map((c, i) => cell(c.title, widths[i]!, true)) }),
      // Rows tall enough to sign in.
      ...block.rows.map(
        (r) => new TableRow({ cantSplit: true, height: { value: mm(9), rule: 'atLeast' }, children: r.map((t, i) => cell(t, widths[i]!)) }),
      ),
    ],
  });
}

function render(block: Block): (Paragraph | Table)[] {
  const before = (flag?: boolean) => ({ spacing: { before: flag ? 240 : 0, after: 0 } });
  switch (block.kind) {
    case 'line':
      return [
        new Paragraph({
          alignment: ALIGN[block.align],
          indent: { firstLine: 0 },
          ...before(block.spaceBefore),
          children: runs(block.text, { bold: block.bold }),
        }),
      ];
    case 'split':
      return [
        new Paragraph({
          tabStops: rightTab,
          indent: { firstLine: 0 },
          ...before(block.spaceBefore),
          children: [new TextRun(block.left), new TextRun({ text: `\t${block.right}` })],
        }),
      ];
    case 'para':
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: block.indent === false ? 0 : INDENT },
          children: [...(block.lead ? [new TextRun({ text: block.lead, bold: true })] : []), ...runs(block.text)],
        }),
      ];
    case 'pageBreak':
      return [new Paragraph({ pageBreakBefore: true, children: [] })];
    case 'table':
      return [table(block), new Paragraph({ children: [] })];
  }
}

export async function renderDocx(blocks: Block[], title: string): Promise<Buffer> {
  const doc = new Document({
    title,
    creator: 'Ресурсный центр',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: BODY_SIZE, language: { value: 'ru-RU' } },
          paragraph: { indent: { firstLine: INDENT }, spacing: { line: 240, before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          // The first page has a header of its own (empty): numbering starts on page 2.
          titlePage: true,
          page: {
            size: { ...A4, orientation: PageOrientation.PORTRAIT },
            margin: { ...MARGIN, header: mm(10), footer: mm(10) },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                indent: { firstLine: 0 },
                children: [new TextRun({ children: [PageNumber.CURRENT] })],
              }),
            ],
          }),
        },
        children: blocks.flatMap(render),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
