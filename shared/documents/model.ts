import { z } from 'zod';

/**
 * The one document model. Every document the application prints — minutes, agenda, extract,
 * registration sheet, assignment list, the plan and its execution report, and the registers to
 * come — is a `DocumentSpec`: a list of blocks in reading order. The services assemble it (the
 * wording and order of the requisites live in each register's layout under shared/documents/),
 * `electron/documents/docx.ts` renders it to Word and `renderer/src/components/DocumentView.tsx`
 * to the print view, so the two read the same and every rule of the page (ГОСТ Р 7.0.97) is
 * written once, in the renderers, not in each document.
 */

/** Space above a block in blank lines of body text: none, one, or two (the gap before a signature). */
export type Space = 0 | 1 | 2;

export interface Column {
  title: string;
  /** Share of the text width, relative to the other columns. */
  share: number;
  align?: 'left' | 'center';
  /** People's names: never hyphenated. */
  names?: boolean;
}

export type TableRow =
  /** One record; `tall` gives a row room for a handwritten signature. */
  | { cells: string[]; tall?: boolean }
  /** A heading row across all columns (a direction of the plan, a working group), kept with the next row. */
  | { group: string };

/** One signer: the position at the left (it may wrap), «И.О. Фамилия» at the right margin on its last line. */
export interface Signer {
  position: string;
  name: string;
}

export const LINE_SIZES = { large: 18, display: 36 } as const;
export type LineSize = keyof typeof LINE_SIZES;

export type Block =
  /** A requisite or a heading on its own line, without indent; `heading` keeps it with what follows. */
  | {
      kind: 'line';
      text: string;
      align: 'left' | 'center' | 'right';
      bold?: boolean;
      spaceBefore?: Space;
      heading?: boolean;
      /** A certificate's larger type: `large` 18 pt (the name), `display` 36 pt («СЕРТИФИКАТ»). */
      size?: LineSize;
    }
  /** Body text, justified and hyphenated, with the 1.25 cm first-line indent unless `indent` is false; `lead` in bold. */
  | { kind: 'para'; text: string; lead?: string; indent?: boolean; spaceBefore?: Space }
  /** «14.09.2017 … № 2»: the left part and the right part on one line. */
  | { kind: 'split'; left: string; right: string; spaceBefore?: Space }
  /**
   * A requisite set in the upper right corner, lines aligned left, at most 8 cm wide (2025
   * secondary sources: corner requisites «до 8 см»): the addressee, «УТВЕРЖДАЮ», the appendix mark.
   */
  | { kind: 'corner'; lines: string[]; boldFirst?: boolean }
  /**
   * Signatures; the renderers keep them on the page of at least the two lines before them.
   * `lined`: a drawn line for each handwritten signature between the position and the name, as a
   * commission's act has (the members sign one under another, not on a letterhead's blank).
   */
  | { kind: 'signatures'; signers: Signer[]; spaceBefore?: Space; lined?: boolean }
  /** Blocks that stay on one page together (a certification mark). */
  | { kind: 'together'; blocks: Block[] }
  | { kind: 'table'; columns: Column[]; rows: TableRow[] }
  /** Small print at the foot of the text: the executor mark (отметка об исполнителе). */
  | { kind: 'note'; lines: string[]; spaceBefore?: Space }
  | { kind: 'pageBreak' }
  /**
   * A picture, the same in Word (an inline picture) and in the print view. Its pixels are either
   * in the block — PNG in base64, a chart the main process drew (`chartImage`,
   * electron/documents/chart.ts) — or a picture of the file store named by its hash (a
   * certificate's logo), whose bytes the renderers get beside the spec (`renderDocx(spec, { images })`,
   * the print view's `images` as data: URIs): forty certificates name one logo rather than carry
   * it forty times. `widthMm` is its printed width (at most the text width); the height is
   * `heightMm`, or else the pixels' proportions. Centred unless `align` says otherwise. `alt` is its
   * text alternative (the picture's description in Word, `alt` in the print view): what a screen
   * reader reads and what a text-only copy keeps. `caption` is printed under it, centred
   * («Рисунок 1 — Случаи открыты по годам»). An Excel twin of the document has no pictures: its
   * layout writes the caption as a line instead.
   */
  | {
      kind: 'image';
      picture: InlinePicture | { hash: string };
      widthMm: number;
      heightMm?: number;
      align?: 'left' | 'center' | 'right';
      alt: string;
      caption?: string;
      spaceBefore?: Space;
    };

/** A picture's pixels carried in the block: PNG in base64 and its size in pixels. */
export interface InlinePicture {
  png: string;
  pixelWidth: number;
  pixelHeight: number;
}

export interface DocumentSpec {
  /** The document's title in the file's properties and the window. */
  title: string;
  /** The file name without extension, unique among the documents a user can download at once. */
  fileName: string;
  orientation: 'portrait' | 'landscape';
  /**
   * A draft (the minutes of a meeting not yet signed): «ПРОЕКТ» on every page, so an unsigned
   * text is never taken for the signed one.
   */
  draft: boolean;
  /**
   * `certificate`: a page to be framed — 15 mm margins, no page numbers (every page is a
   * certificate of its own); an official document otherwise.
   */
  layout?: 'official' | 'certificate';
  blocks: Block[];
}

export const DRAFT_MARK = 'ПРОЕКТ';

/**
 * The model as a zod schema: a document kept as issued (an assignment list sent out) is stored as
 * its spec and read back through the frozen-document module, which validates it with this.
 */
const space = z.union([z.literal(0), z.literal(1), z.literal(2)]).optional();
const column = z
  .object({ title: z.string(), share: z.number(), align: z.enum(['left', 'center']).optional(), names: z.boolean().optional() })
  .strict();
const tableRow = z.union([
  z.object({ cells: z.array(z.string()), tall: z.boolean().optional() }).strict(),
  z.object({ group: z.string() }).strict(),
]);
const signer = z.object({ position: z.string(), name: z.string() }).strict();

export const blockSchema: z.ZodType<Block> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('line'),
        text: z.string(),
        align: z.enum(['left', 'center', 'right']),
        bold: z.boolean().optional(),
        spaceBefore: space,
        heading: z.boolean().optional(),
        size: z.enum(['large', 'display']).optional(),
      })
      .strict(),
    z
      .object({
        kind: z.literal('para'),
        text: z.string(),
        lead: z.string().optional(),
        indent: z.boolean().optional(),
        spaceBefore: space,
      })
      .strict(),
    z.object({ kind: z.literal('split'), left: z.string(), right: z.string(), spaceBefore: space }).strict(),
    z.object({ kind: z.literal('corner'), lines: z.array(z.string()), boldFirst: z.boolean().optional() }).strict(),
    z.object({ kind: z.literal('signatures'), signers: z.array(signer), spaceBefore: space, lined: z.boolean().optional() }).strict(),
    z.object({ kind: z.literal('together'), blocks: z.array(blockSchema) }).strict(),
    z.object({ kind: z.literal('table'), columns: z.array(column), rows: z.array(tableRow) }).strict(),
    z.object({ kind: z.literal('note'), lines: z.array(z.string()), spaceBefore: space }).strict(),
    z.object({ kind: z.literal('pageBreak') }).strict(),
    z
      .object({
        kind: z.literal('image'),
        picture: z.union([
          z.object({ png: z.base64(), pixelWidth: z.number().int().positive(), pixelHeight: z.number().int().positive() }).strict(),
          z.object({ hash: z.string() }).strict(),
        ]),
        widthMm: z.number().positive().max(250),
        heightMm: z.number().positive().max(300).optional(),
        align: z.enum(['left', 'center', 'right']).optional(),
        alt: z.string(),
        caption: z.string().optional(),
        spaceBefore: space,
      })
      .strict(),
  ]),
);

export const documentSpecSchema: z.ZodType<DocumentSpec> = z
  .object({
    title: z.string(),
    fileName: z.string(),
    orientation: z.enum(['portrait', 'landscape']),
    draft: z.boolean(),
    layout: z.enum(['official', 'certificate']).optional(),
    blocks: z.array(blockSchema),
  })
  .strict();
