import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  ImageRun,
  LineRuleType,
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
  VerticalAlignSection,
  WidthType,
} from 'docx';
import { randomUUID } from 'node:crypto';
import { A4, BODY_SIZE, cellBorders, FONT, mm, NOTE_SIZE, pageMargins, TABLE_SIZE } from '@main/documents/docxStyle';
import { DRAFT_MARK, LINE_SIZES, type Block, type DocumentSpec, type Space, type TableRow as RowSpec } from '@shared/documents/model';
import { typeset, xmlSafe } from '@shared/documents/text';
import { zipFiles } from './zip';

/**
 * The one Word renderer: every document's blocks become a DOCX here, so the page rules are
 * written once (ГОСТ Р 7.0.97-2016, whose page set-up the 2025 edition keeps per the secondary
 * sources in /work/notes/gost-2025.md §2, clause numbers of the 2025 text not verified):
 * - A4; margins left 30 mm (documents kept over ten years), right 10 mm (portrait) or 20 mm
 *   (landscape), top and bottom 20 mm; Times New Roman 14, 12 in tables (the 2025 edition
 *   leaves the typeface to the organisation and recommends 12–14 pt);
 * - single line spacing stated with `w:lineRule="auto"` on every `w:line`: without the rule
 *   LibreOffice (and Р7-Офис, МойОфис, built on it) reads 240 as an exact 12 pt line, and 14 pt
 *   lines overlap;
 * - body text justified with automatic hyphenation (settings `w:autoHyphenation`, language
 *   ru-RU on every run, so Word and LibreOffice hyphenate by the Russian patterns);
 * - page numbers from page 2, centred in the top margin (PAGE field; the first page has a header
 *   of its own);
 * - a draft carries «ПРОЕКТ» at the top right of every page;
 * - headings stay with the text after them, and signatures with at least two lines above them
 *   (keep-with-next, keep-lines, widow control), so a signature never stands alone on a page;
 * - every text is stripped of the characters XML 1.0 forbids and typeset (`typeset`).
 */

const LINE = { line: 240, lineRule: LineRuleType.AUTO };
const spacing = (before: Space | undefined = 0, after = 0) => ({ ...LINE, before: (before ?? 0) * 240, after });

/** A corner requisite's lines are at most 8 cm long (2025 secondary sources; 7.5 cm in 2016). */
const CORNER_WIDTH = mm(80);

interface Page {
  width: number;
  margin: ReturnType<typeof pageMargins>;
}

/** A certificate is framed, not filed: 15 mm on every side, no binding margin. */
const CERTIFICATE_MARGIN = mm(15);

const pageOf = (orientation: DocumentSpec['orientation'], layout: DocumentSpec['layout']): Page =>
  layout === 'certificate'
    ? {
        width: (orientation === 'landscape' ? A4.height : A4.width) - 2 * CERTIFICATE_MARGIN,
        margin: { top: CERTIFICATE_MARGIN, bottom: CERTIFICATE_MARGIN, left: CERTIFICATE_MARGIN, right: CERTIFICATE_MARGIN },
      }
    : orientation === 'landscape'
      ? { width: A4.height - mm(50), margin: pageMargins(20) }
      : { width: A4.width - mm(40), margin: pageMargins(10) };

const clean = (text: string) => typeset(xmlSafe(text));

/** Line breaks typed into a text stay line breaks on paper. */
function runs(text: string, options: { bold?: boolean; size?: number } = {}): TextRun[] {
  return clean(text)
    .split(/\r\n|\r|\n/)
    .map((line, i) => new TextRun({ text: line, bold: options.bold, size: options.size, break: i > 0 ? 1 : undefined }));
}

interface ParagraphOptions {
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  firstLine?: number;
  left?: number;
  before?: Space;
  after?: number;
  keepNext?: boolean;
  /** Names, headings and requisites are not hyphenated; body text and table cells are. */
  hyphenate?: boolean;
  tabStops?: { type: (typeof TabStopType)[keyof typeof TabStopType]; position: number }[];
}

function paragraph(children: (TextRun | ImageRun)[], o: ParagraphOptions = {}): Paragraph {
  return new Paragraph({
    alignment: o.align ?? AlignmentType.LEFT,
    indent: { firstLine: o.firstLine ?? 0, left: o.left ?? 0 },
    spacing: spacing(o.before, o.after),
    keepNext: o.keepNext,
    // A requisite's lines stay together; body text may break across pages, two lines at least
    // on each side (widow control), or a long report would leave half a page blank.
    keepLines: !o.hyphenate,
    widowControl: true,
    style: o.hyphenate ? undefined : REQUISITE_STYLE,
    tabStops: o.tabStops,
    children,
  });
}

/**
 * Requisites, headings, names and signatures are not hyphenated: they use this paragraph style,
 * which `finish` gives `w:suppressAutoHyphens` (docx writes no such option).
 */
const REQUISITE_STYLE = 'Requisite';

/** A package's files by their paths, before zipping: XML as text, pictures as bytes. */
type PackageFiles = Map<string, string | Uint8Array>;

/**
 * docx's compiler, which Packer zips the output of: its files are patched as text and zipped once
 * by zipFiles. Packer.toBuffer deflated every file in JavaScript (fflate), the pictures too, and
 * `finish` then unzipped the result with JSZip to patch two files and zipped it again (pako). Not
 * in docx's typings (a private static of Packer), so its shape is checked before the first use.
 */
function compile(doc: Document): PackageFiles {
  const compiler = (Packer as unknown as { compiler?: { compile?: (file: Document) => PackageFiles } }).compiler;
  if (typeof compiler?.compile !== 'function')
    throw new Error('docx no longer has Packer.compiler.compile: see electron/documents/docx.ts');
  return compiler.compile(doc);
}

const text = (files: PackageFiles, path: string): string => {
  const data = files.get(path);
  if (data === undefined) throw new Error(`docx wrote no ${path}`);
  return typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
};

/**
 * What docx does not write: `w:suppressAutoHyphens` in the requisite style of styles.xml, and
 * the tables' body rows, written from their template rows (RowStamps).
 */
function finish(files: PackageFiles, stamps: RowStamps | null): Buffer {
  const styles = text(files, 'word/styles.xml');
  const style = new RegExp(`(<w:style [^>]*w:styleId="${REQUISITE_STYLE}"[^>]*>[\\s\\S]*?<w:pPr>)`);
  if (!style.test(styles)) throw new Error('The requisite paragraph style is missing from styles.xml');
  files.set('word/styles.xml', styles.replace(style, '$1<w:suppressAutoHyphens/>'));
  if (stamps) files.set('word/document.xml', stampRows(text(files, 'word/document.xml'), stamps));
  return zipFiles(files);
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};

/**
 * How the body rows of tables are written: `stamped` (what documents use) or `docx` (every row
 * as docx objects: the reference the stamped rows are tested against, tests/unit/documents).
 */
export type BodyRows = 'stamped' | 'docx';

/**
 * Table body rows written from templates: docx builds, then formats, a tree of some forty objects
 * for every cell (a paragraph, its properties, a run, its properties, borders, margins…), and the
 * export's 150 registration sheets of a year took 13 s, nine tenths of it in docx. A table's body
 * instead holds one template row per kind of row it has (a group heading, a row, a tall row), its
 * cells' texts markers; docx writes those rows as it writes any row, and `stampRows` then replaces
 * them in document.xml with the table's rows, each a copy of its template with the marker runs
 * replaced by the cell's lines. So every byte around a text is still docx's own, and the
 * document.xml is the one docx would write row by row (tested); a plan of 2,000 items never has
 * its rows as objects at all (tests/bench/docxMemory.ts).
 */
class RowStamps {
  readonly bodies: { id: string; specs: RowSpec[]; shapes: string[] }[] = [];

  /** The template rows standing in for `specs` in the table (none for no rows). */
  body(specs: RowSpec[], row: (r: RowSpec) => TableRow): TableRow[] {
    if (specs.length === 0) return [];
    // Letters and digits only: nothing `typeset` changes, nothing a document can hold by chance.
    const id = `rcrows${randomUUID().replaceAll('-', '')}`;
    const shapes = [...new Set(specs.map(shapeOf))];
    this.bodies.push({ id, specs, shapes });
    return shapes.map((shape, k) => {
      // Two lines in each cell: the template of a cell's first line and that of each line after it (a line break).
      const text = (j: number) => `${marker(id, k, j, 'a')}\n${marker(id, k, j, 'b')}`;
      return row(
        shape === 'group'
          ? { group: text(0) }
          : { cells: Array.from({ length: cellsOf(shape) }, (_, j) => text(j)), tall: shape.startsWith('tall') },
      );
    });
  }
}

/** A row's kind: a group heading, or a row (tall or not) of so many cells (a row may have fewer than the columns). */
const shapeOf = (r: RowSpec) => ('group' in r ? 'group' : `${r.tall ? 'tall' : 'row'}:${r.cells.length}`);
const cellsOf = (shape: string) => (shape === 'group' ? 1 : Number(shape.slice(shape.indexOf(':') + 1)));
const marker = (id: string, shape: number, column: number, line: 'a' | 'b') => `${id}s${shape}c${column}${line}`;

/** A text as docx writes it into `w:t` (its `escapeAll`: the five XML escapes, control characters dropped). */
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
// eslint-disable-next-line no-control-regex
const escapeText = (text: string) => text.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => XML_ESCAPES[c] ?? '');

/** A template row split at its cells' runs: the XML between them, and each cell's two run templates around their markers. */
interface Stamp {
  between: string[];
  cells: { first: [string, string]; next: [string, string] }[];
}

function stampOf(xml: string, id: string, shape: number, cells: number): Stamp {
  const between: string[] = [];
  const out: Stamp['cells'] = [];
  let from = 0;
  /** The run holding `text`: where it starts, its XML before and after the text, where it ends. */
  const runAt = (at: number, text: string) => {
    const start = xml.lastIndexOf('<w:r>', at);
    const end = xml.indexOf('</w:r>', at) + '</w:r>'.length;
    return { start, around: [xml.slice(start, at), xml.slice(at + text.length, end)] as [string, string], end };
  };
  for (let j = 0; j < cells; j++) {
    const [a, b] = [marker(id, shape, j, 'a'), marker(id, shape, j, 'b')];
    const atA = xml.indexOf(a, from);
    const atB = atA < 0 ? -1 : xml.indexOf(b, atA);
    if (atB < 0) throw new Error(`The template row ${id} lost its cell ${j} in document.xml`);
    const [first, next] = [runAt(atA, a), runAt(atB, b)];
    if (next.start !== first.end) throw new Error(`The template row ${id} has more than its two runs in cell ${j}`);
    between.push(xml.slice(from, first.start));
    out.push({ first: first.around, next: next.around });
    from = next.end;
  }
  between.push(xml.slice(from));
  return { between, cells: out };
}

/** A row from its stamp: each cell's text as `runs` makes it, line by line. */
function stamped(stamp: Stamp, texts: string[]): string {
  let xml = stamp.between[0]!;
  stamp.cells.forEach((cell, j) => {
    const lines = clean(texts[j] ?? '').split(/\r\n|\r|\n/);
    xml += cell.first[0] + escapeText(lines[0]!) + cell.first[1];
    for (const line of lines.slice(1)) xml += cell.next[0] + escapeText(line) + cell.next[1];
    xml += stamp.between[j + 1]!;
  });
  return xml;
}

/** document.xml with each table body's template rows replaced by its rows. */
function stampRows(documentXml: string, stamps: RowStamps): string {
  if (stamps.bodies.length === 0) return documentXml;
  const pieces: string[] = [];
  let from = 0;
  for (const { id, specs, shapes } of stamps.bodies) {
    const first = documentXml.indexOf(id, from);
    const start = documentXml.lastIndexOf('<w:tr>', first);
    if (first < 0 || start < from) throw new Error(`The template rows ${id} are missing from document.xml`);
    pieces.push(documentXml.slice(from, start));
    const templates = new Map<string, Stamp>();
    let end = start;
    shapes.forEach((shape, k) => {
      const rowEnd = documentXml.indexOf('</w:tr>', end) + '</w:tr>'.length;
      templates.set(shape, stampOf(documentXml.slice(end, rowEnd), id, k, cellsOf(shape)));
      end = rowEnd;
    });
    for (const r of specs) pieces.push(stamped(templates.get(shapeOf(r))!, 'group' in r ? [r.group] : r.cells));
    from = end;
  }
  pieces.push(documentXml.slice(from));
  return pieces.join('');
}

/** The pictures a spec's image blocks name by hash (a certificate's logo): docx 9 needs the type of each. */
export type DocxImages = ReadonlyMap<string, { data: Buffer; type: 'png' | 'jpg' }>;

class Renderer {
  constructor(
    private readonly page: Page,
    /** Null: every row as docx objects (`BodyRows` 'docx'). */
    private readonly stamps: RowStamps | null,
    private readonly images: DocxImages = new Map(),
  ) {}

  /**
   * `keepAll`: every block stays with the next one (the inside of a `together` block), the last
   * one too when `keepLast` says the block after the group needs it.
   */
  render(blocks: Block[], keepAll = false, keepLast = false): (Paragraph | Table)[] {
    const keep = keptBlocks(blocks);
    const out: (Paragraph | Table)[] = [];
    for (let i = 0; i < blocks.length; i++) {
      const [b, next] = [blocks[i]!, blocks[i + 1]];
      if (b.kind === 'table' && next?.kind === 'signatures' && b.rows.length > 0) {
        out.push(this.table(b, next), closingParagraph());
        i++;
        continue;
      }
      const last = i === blocks.length - 1;
      out.push(...this.block(b, next, keep.has(b) || (keepAll && !last) || (last && keepLast)));
    }
    return out;
  }

  private block(b: Block, next: Block | undefined, keepNext: boolean): (Paragraph | Table)[] {
    switch (b.kind) {
      case 'line':
        return [
          paragraph(runs(b.text, { bold: b.bold, size: b.size ? LINE_SIZES[b.size] * 2 : undefined }), {
            align: ALIGN[b.align],
            before: b.spaceBefore,
            // A display line's descent reaches into the next line's box: 6 pt after keeps them apart.
            after: b.size === 'display' ? 120 : 0,
            keepNext: keepNext || b.heading,
          }),
        ];
      case 'para': {
        // A lead that ends with a colon and no text of its own («РЕШИЛИ:») heads what follows.
        const heads = !b.text.trim() && next !== undefined;
        return [
          paragraph([...(b.lead ? [new TextRun({ text: clean(b.lead), bold: true })] : []), ...runs(b.text)], {
            align: AlignmentType.JUSTIFIED,
            firstLine: b.indent === false ? 0 : mm(12.5),
            before: b.spaceBefore,
            keepNext: keepNext || heads,
            hyphenate: true,
          }),
        ];
      }
      case 'split':
        return [
          paragraph([...runs(b.left), new TextRun({ text: '\t' }), ...runs(b.right)], {
            before: b.spaceBefore,
            keepNext,
            tabStops: [{ type: TabStopType.RIGHT, position: this.page.width }],
          }),
        ];
      case 'corner':
        return b.lines.map((line, i, all) =>
          paragraph(runs(line, { bold: b.boldFirst && i === 0 }), {
            left: this.page.width - CORNER_WIDTH,
            after: i === all.length - 1 ? 240 : 0,
            keepNext: i < all.length - 1 || keepNext,
          }),
        );
      case 'signatures':
        return [this.signatures(b, keepNext)];
      case 'together':
        // Everything but the last paragraph keeps with the next one: the block moves as a whole.
        return this.render(b.blocks, true, keepNext);
      case 'table':
        return [this.table(b), paragraph([], { keepNext })];
      case 'note':
        return b.lines.map((line, i) => paragraph(runs(line, { size: NOTE_SIZE }), { before: i === 0 ? b.spaceBefore : 0 }));
      case 'pageBreak':
        return [new Paragraph({ pageBreakBefore: true, spacing: spacing(), children: [] })];
      case 'image':
        return this.image(b, keepNext);
    }
  }

  /**
   * An inline picture centred on its own line, never wider than the text, with its text
   * alternative as the picture's description (`wp:docPr descr`), kept with its caption.
   */
  private image(b: Extract<Block, { kind: 'image' }>, keepNext: boolean): Paragraph[] {
    const stored = 'hash' in b.picture ? this.images.get(b.picture.hash) : undefined;
    // A stored picture the caller did not supply is left out rather than failing the whole document.
    if ('hash' in b.picture && !stored) return [];
    const inline = 'png' in b.picture ? b.picture : undefined;
    // docx sizes a picture in pixels at 96 dpi (9525 EMU each); the page width is in twips.
    const widthPx = Math.min((b.widthMm / 25.4) * 96, (this.page.width / 1440) * 96);
    const heightPx =
      b.heightMm !== undefined ? (widthPx * b.heightMm) / b.widthMm : inline ? (widthPx * inline.pixelHeight) / inline.pixelWidth : widthPx;
    const picture = new ImageRun({
      type: stored?.type ?? 'png',
      data: stored?.data ?? Buffer.from(inline!.png, 'base64'),
      transformation: { width: widthPx, height: heightPx },
      altText: { name: clean(b.caption ?? 'Рисунок'), title: clean(b.caption ?? ''), description: clean(b.alt) },
    });
    // A picture stays with what follows it: its caption, or the line it heads (a logo over the center's name).
    const out = [paragraph([picture], { align: ALIGN[b.align ?? 'center'], before: b.spaceBefore, keepNext: true })];
    if (b.caption) out.push(paragraph(runs(b.caption), { align: AlignmentType.CENTER, keepNext }));
    return out;
  }

  /**
   * ГОСТ Р 7.0.97-2016 (the 2025 edition keeps the composition per delo-press, which names only
   * «уточнения» on initials): the position from the left margin, the «И.О. Фамилия» at the right
   * margin on the level of the position's last line; a borderless table keeps a long position
   * wrapping in its own column. Separated from the text by two blank lines (agency instructions).
   */
  private signatures(b: Extract<Block, { kind: 'signatures' }>, keepNext: boolean): Table {
    // Lined: position 45 %, the line for the signature 30 %, the name 25 %; a cell's bottom border
    // draws the line, so it sits on the baseline in Word and LibreOffice alike (underscores wrap).
    const shares = b.lined ? [0.45, 0.3] : [0.6];
    const widths = shares.map((f) => Math.round(this.page.width * f));
    widths.push(this.page.width - widths.reduce((a, w) => a + w, 0));
    const rows = b.signers.map((s, i) => {
      const before = i === 0 ? (b.spaceBefore ?? 2) : 1;
      const keep = { before, keepNext: i < b.signers.length - 1 || keepNext };
      const cell = (
        width: number,
        left: number,
        right: number,
        text: string,
        align?: (typeof AlignmentType)[keyof typeof AlignmentType],
        line = false,
      ) =>
        new TableCell({
          width: { size: width, type: WidthType.DXA },
          borders: line ? { ...noBorders, bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000' } } : noBorders,
          margins: { left, right, top: 0, bottom: 0 },
          verticalAlign: VerticalAlign.BOTTOM,
          children: [paragraph(runs(text), { ...keep, ...(align ? { align } : {}) })],
        });
      return new TableRow({
        cantSplit: true,
        children: [
          cell(widths[0]!, 0, 80, s.position),
          ...(b.lined ? [cell(widths[1]!, 80, 80, '', undefined, true)] : []),
          cell(widths.at(-1)!, 80, 0, s.name, AlignmentType.RIGHT),
        ],
      });
    });
    return new Table({
      layout: TableLayoutType.FIXED,
      width: { size: this.page.width, type: WidthType.DXA },
      columnWidths: widths,
      borders: noBorders,
      rows,
    });
  }

  /**
   * A table, with its header row repeated on every page. When signatures follow (a registration
   * sheet), the last two rows and the signatures are set as one row that cannot break across
   * pages, holding a nested table of those two rows and the signatures under it: LibreOffice
   * keeps neither table rows nor a table that breaks across pages with the paragraph after it
   * (Word would, from keep-with-next), but no application splits an unbreakable row.
   */
  private table(b: Extract<Block, { kind: 'table' }>, signatures?: Extract<Block, { kind: 'signatures' }>): Table {
    const total = b.columns.reduce((s, c) => s + c.share, 0);
    const widths = b.columns.map((c) => Math.floor((this.page.width * c.share) / total));
    const width = widths.reduce((s, w) => s + w, 0);
    const cell = (
      text: string,
      cellWidth: number,
      o: { bold?: boolean; align?: 'left' | 'center'; span?: number; keepNext?: boolean; names?: boolean },
    ) =>
      new TableCell({
        width: { size: cellWidth, type: WidthType.DXA },
        columnSpan: o.span,
        borders: cellBorders,
        verticalAlign: VerticalAlign.TOP,
        margins: { top: 40, bottom: 40, left: 70, right: 70 },
        children: [
          paragraph(runs(text, { bold: o.bold, size: TABLE_SIZE }), {
            align: o.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
            keepNext: o.keepNext,
            hyphenate: !o.bold && !o.names,
          }),
        ],
      });
    const row = (r: RowSpec) =>
      'group' in r
        ? new TableRow({ cantSplit: true, children: [cell(r.group, width, { bold: true, span: b.columns.length, keepNext: true })] })
        : new TableRow({
            cantSplit: true,
            height: r.tall ? { value: mm(9), rule: 'atLeast' } : undefined,
            children: r.cells.map((t, j) => cell(t, widths[j]!, { align: b.columns[j]?.align, names: b.columns[j]?.names })),
          });
    const header = new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: b.columns.map((c, j) => cell(c.title, widths[j]!, { bold: true, align: 'center', keepNext: true })),
    });
    const table = (rows: TableRow[]) =>
      new Table({ layout: TableLayoutType.FIXED, width: { size: width, type: WidthType.DXA }, columnWidths: widths, rows });
    // The body's rows are written from template rows (RowStamps).
    const body = (specs: RowSpec[]) => (this.stamps ? this.stamps.body(specs, row) : specs.map(row));
    if (!signatures) return table([header, ...body(b.rows)]);
    const split = Math.max(0, b.rows.length - 2);
    const tail = new TableRow({
      cantSplit: true,
      children: [
        new TableCell({
          width: { size: width, type: WidthType.DXA },
          columnSpan: b.columns.length,
          borders: noBorders,
          margins: { top: 0, bottom: 0, left: 0, right: 0 },
          children: [table(b.rows.slice(split).map(row)), this.signatures(signatures, false), closingParagraph()],
        }),
      ],
    });
    return table([header, ...body(b.rows.slice(0, split)), tail]);
  }
}

/**
 * A signature (or a certification) is kept with the two blocks before it — each at least one
 * line, and widow control keeps two lines of a longer paragraph together — so at least two lines
 * of text stand above the signatures on their page.
 */
export function keptBlocks(blocks: Block[]): Set<Block> {
  const keep = new Set<Block>();
  blocks.forEach((b, i) => {
    if (b.kind !== 'signatures' && b.kind !== 'together') return;
    for (const prev of blocks.slice(Math.max(0, i - 2), i)) if (prev.kind !== 'pageBreak') keep.add(prev);
  });
  return keep;
}

/**
 * The paragraph a cell or a table must be followed by, 1 pt high so that it never carries a
 * page of its own after a table that fills the page.
 */
const closingParagraph = () =>
  new Paragraph({
    spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: [new TextRun({ text: '', size: 2 })],
  });

function header(page: Page, draft: boolean, numbered: boolean): Header {
  const children: TextRun[] = [];
  if (numbered) children.push(new TextRun({ text: '\t' }), new TextRun({ children: [PageNumber.CURRENT] }));
  if (draft) children.push(new TextRun({ text: numbered ? '\t' : '\t\t' }), new TextRun({ text: DRAFT_MARK, bold: true }));
  return new Header({
    children: [
      paragraph(children, {
        tabStops: [
          { type: TabStopType.CENTER, position: Math.round(page.width / 2) },
          { type: TabStopType.RIGHT, position: page.width },
        ],
      }),
    ],
  });
}

export async function renderDocx(spec: DocumentSpec, options: { images?: DocxImages; bodyRows?: BodyRows } = {}): Promise<Buffer> {
  const page = pageOf(spec.orientation, spec.layout);
  const stamps = options.bodyRows === 'docx' ? null : new RowStamps();
  // Every page of a certificate set is a certificate of its own: no page numbers.
  const numbered = spec.layout !== 'certificate';
  const doc = new Document({
    title: clean(spec.title),
    creator: 'Ресурсный центр',
    hyphenation: { autoHyphenation: true, doNotHyphenateCaps: true },
    styles: {
      default: {
        document: {
          run: { font: FONT, size: BODY_SIZE, language: { value: 'ru-RU', eastAsia: 'ru-RU' } },
          paragraph: { spacing: spacing() },
        },
      },
      paragraphStyles: [{ id: REQUISITE_STYLE, name: 'Реквизит', basedOn: 'Normal', quickFormat: true, paragraph: { spacing: spacing() } }],
    },
    sections: [
      {
        properties: {
          // The first page has a header of its own: numbering starts on page 2.
          titlePage: true,
          // A certificate's lines stand in the middle of the page, as a framed page is read.
          ...(spec.layout === 'certificate' ? { verticalAlign: VerticalAlignSection.CENTER } : {}),
          page: {
            size: {
              width: A4.width,
              height: A4.height,
              orientation: spec.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: { ...page.margin, header: mm(10), footer: mm(10) },
          },
        },
        headers: { first: header(page, spec.draft, false), default: header(page, spec.draft, numbered) },
        children: new Renderer(page, stamps, options.images).render(spec.blocks),
      },
    ],
  });
  return finish(compile(doc), stamps);
}
