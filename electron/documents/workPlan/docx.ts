import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { PlanDocumentData } from '@shared/contract/workPlan';
import { A4, BODY_SIZE, cellBorders, FONT, pageMargins, TABLE_SIZE } from '@main/documents/docxStyle';
import {
  approvalLines,
  directionHeading,
  EMPTY_PLAN_TEXT,
  itemCells,
  PLAN_COLUMNS,
  planTitleLines,
} from '@shared/documents/workPlan/layout';

const MARGIN = pageMargins(20);
// Landscape: the text runs along the long side of the sheet.
const TEXT_WIDTH = A4.height - MARGIN.left - MARGIN.right;

/** Column shares of the text width, in the order of PLAN_COLUMNS: the title gets the most room. */
const COLUMN_SHARES = [4, 20, 12, 9, 14, 13, 14, 14];
const COLUMN_WIDTHS = COLUMN_SHARES.map((share) => Math.floor((TEXT_WIDTH * share) / 100));

interface CellOptions {
  bold?: boolean;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  span?: number;
  /** Keeps the row on the page of the next one: a direction heading never ends a page. */
  keepNext?: boolean;
}

function cellParagraphs(text: string, options: CellOptions) {
  // Line breaks typed in a note stay line breaks on paper.
  return text.split('\n').map(
    (line) =>
      new Paragraph({
        alignment: options.align,
        keepNext: options.keepNext,
        children: [new TextRun({ text: line, bold: options.bold, size: TABLE_SIZE })],
      }),
  );
}

function cell(text: string, width: number, options: CellOptions = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.span,
    borders: cellBorders,
    verticalAlign: VerticalAlign.TOP,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    children: cellParagraphs(text, options),
  });
}

function planTable(data: PlanDocumentData): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: PLAN_COLUMNS.map((title, i) => cell(title, COLUMN_WIDTHS[i]!, { bold: true, align: AlignmentType.CENTER })),
  });
  const fullRow = (text: string, bold: boolean) =>
    new TableRow({ cantSplit: true, children: [cell(text, TEXT_WIDTH, { bold, keepNext: bold, span: PLAN_COLUMNS.length })] });
  const body = data.groups.flatMap((group) => [
    fullRow(directionHeading(group), true),
    ...group.items.map(
      (item) =>
        new TableRow({
          cantSplit: true,
          children: itemCells(item).map((text, i) =>
            cell(text, COLUMN_WIDTHS[i]!, { align: i === 0 || i === 3 ? AlignmentType.CENTER : undefined }),
          ),
        }),
    ),
  ]);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: COLUMN_WIDTHS,
    layout: TableLayoutType.FIXED,
    rows: [header, ...(body.length ? body : [fullRow(EMPTY_PLAN_TEXT, false)])],
  });
}

/** The plan as a Word document: A4 landscape, the «УТВЕРЖДАЮ» block, the title, one table grouped by direction. */
export async function renderPlanDocx(data: PlanDocumentData): Promise<Buffer> {
  const approvalIndent = Math.round(TEXT_WIDTH * 0.62);
  const approval = approvalLines(data).map(
    (line, i) =>
      new Paragraph({
        indent: { left: approvalIndent },
        spacing: { after: i === 0 ? 120 : 0 },
        children: [new TextRun({ text: line, bold: i === 0 })],
      }),
  );
  const title = planTitleLines(data).map(
    (line, i, all) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: i === 0 ? 360 : 0, after: i === all.length - 1 ? 240 : 0 },
        children: [new TextRun({ text: line, bold: true })],
      }),
  );
  const doc = new Document({
    creator: data.centerShortName || 'Ресурсный центр',
    title: `План работы на ${data.year} год`,
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: { page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: MARGIN } },
        children: [...approval, ...title, planTable(data)],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
