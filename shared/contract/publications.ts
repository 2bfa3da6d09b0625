import { z } from 'zod';
import { ENTERED_MOVEMENT_KINDS, type EnteredMovementKind, type MovementKind } from './publicationEnums';
import { call, REFUSED, type CallDef, type FileOutput } from './define';
import { id, isoDate, optionalText, requiredText, search, year, type Page } from './common';
import { fileHash } from './files';

/**
 * Publications (печатная продукция) and their stock ledger. What is on hand is never stored: it
 * is read from the movements at any date, in the day's order of shared/contract/publicationEnums.ts.
 */

export interface PublicationRow {
  id: number;
  title: string;
  kindId: number;
  kind: string;
  authors: string;
  year: number;
  topic: string;
  minStock: number;
  archived: boolean;
  /** On hand today, from the ledger. */
  balance: number;
  /** Copies handed out this calendar year. */
  distributedThisYear: number;
  /** Under its minimum level (a minimum of 0 never marks it). */
  low: boolean;
  /** Has any copies come in (a print run or an opening balance)? */
  stocked: boolean;
}

export interface RecipientRef {
  kind: 'organization' | 'person' | 'event';
  id: number;
  label: string;
}

/** A movement as the card's history shows it. */
export interface MovementView {
  id: number;
  kind: MovementKind;
  date: string;
  /** When it was written (ISO, UTC): never changed. */
  recordedAt: string;
  quantity: number;
  printer: string;
  printedInHouse: boolean;
  recipient: RecipientRef | null;
  reason: string;
  /** A reversal: the movement it annuls. */
  reversesId: number | null;
  /** Annulled by this reversal. */
  reversedById: number | null;
  /** The balance after it in the ledger's order; null for an annulled movement and a reversal (they count nowhere). */
  balanceAfter: number | null;
  /** A stocktake's counted quantity minus what the ledger had before it. */
  difference: number | null;
}

export interface PublicationDetail extends Omit<PublicationRow, 'low' | 'stocked' | 'distributedThisYear'> {
  targetAudience: string;
  distributedThisYear: number;
  low: boolean;
  stocked: boolean;
  planItem: { id: number; label: string; year: number } | null;
  /** Copies handed out at events (counted distributions), by event, the latest first. */
  byEvent: EventDistribution[];
  /** In the ledger's order (date, receipts → issues → stocktakes, recorded time); reversals beside what they annul. */
  history: MovementView[];
  /** The file that is printed, the latest version first (issue 22). */
  files: PublicationFileVersion[];
}

/** One version of a publication's printed file, as the card lists it. */
export interface PublicationFileVersion {
  version: number;
  /** The moment it was attached (ISO, UTC). */
  addedAt: string;
  hash: string;
  size: number;
  /** PDF or DOCX, told from the content. */
  format: 'pdf' | 'docx';
  /** The name it is downloaded under: the name it came with, the extension its content has. */
  fileName: string;
  current: boolean;
}

/** What «Печать» did in the Electron window: printed the PDF, or opened the DOCX in Word. */
export interface PrintedFile {
  action: 'printed' | 'opened';
  copies: number;
}

/** A change of a past stocktake's difference a backdated movement caused, told to the user. */
export interface StocktakeChange {
  movementId: number;
  date: string;
  before: number;
  after: number;
}

export interface MovementResult {
  id: number;
  balance: number;
  /** «Расхождение инвентаризации от 30.06.2019 изменилось: было −5, стало +15». */
  notices: string[];
  stocktakeChanges: StocktakeChange[];
}

export interface StockRow {
  id: number;
  title: string;
  kind: string;
  year: number;
  minStock: number;
  balance: number;
  low: boolean;
}

export interface StockOnDate {
  date: string;
  rows: StockRow[];
  total: number;
}

export interface StatementRow {
  id: number;
  title: string;
  kind: string;
  start: number;
  received: number;
  distributed: number;
  writtenOff: number;
  /** Sum of the period's stocktake differences (counted − expected). */
  stocktake: number;
  end: number;
}

export interface StatementTotals {
  start: number;
  received: number;
  distributed: number;
  writtenOff: number;
  stocktake: number;
  end: number;
}

/** Copies handed out in the period, by a grouping: a kind of publication, a municipality. */
export interface DistributionGroup {
  label: string;
  copies: number;
}

/** Copies handed out at one event: «Семинар для специалистов опеки, 14.05.2019 — 120 экз.». */
export interface EventDistribution {
  eventId: number;
  title: string;
  firstDay: string;
  lastDay: string;
  copies: number;
}

export interface MovementStatement {
  from: string;
  to: string;
  rows: StatementRow[];
  totals: StatementTotals;
  byKind: DistributionGroup[];
  byMunicipality: DistributionGroup[];
  /** Handed out at events, by event in date order; the rest went to organisations and people directly. */
  byEvent: EventDistribution[];
}

/** What «Выдать материалы» on an event's page proposes: one copy per attendee of every publication on hand. */
export interface EventHandout {
  event: { id: number; title: string; status: 'planned' | 'held' | 'cancelled'; firstDay: string; lastDay: string };
  attendees: number;
  /** Whom `attendees` counts: marked present, registered (nobody marked yet), or the population's number. */
  attendeesBasis: 'attended' | 'registered' | 'population';
  /** The day proposed: the event's first day, or today while it goes on. */
  date: string;
  publications: { id: number; title: string; kind: string; balance: number }[];
  /** Already handed out at this event (counted), by publication. */
  handedOut: { publicationId: number; title: string; copies: number }[];
}

/** The card's balance chart: an SVG drawn in the main process (null before the first movement). */
export interface BalanceChart {
  svg: string | null;
  /** Days drawn (each day something counted happened, and today). */
  points: number;
}

export interface HandOutResult {
  movements: number;
  copies: number;
  notices: string[];
}

const quantity = z
  .number({ error: 'Укажите количество экземпляров' })
  .int('Количество экземпляров — целое число')
  .min(0, 'Количество экземпляров не может быть отрицательным')
  .max(10_000_000, 'Слишком большое количество экземпляров');

/** Copies sent to the printer at once from the center: a handout run, not a print shop's. */
export const MAX_PRINT_COPIES = 1000;
export const printCopies = z
  .number({ error: 'Укажите число экземпляров' })
  .int('Число экземпляров — целое число')
  .min(1, 'Укажите хотя бы один экземпляр')
  .max(MAX_PRINT_COPIES, `За один раз печатают не больше ${MAX_PRINT_COPIES} экземпляров`);

export const publicationInput = z
  .object({
    title: requiredText('Название', 500),
    kindId: z.number({ error: 'Выберите вид' }).int('Выберите вид').positive('Выберите вид'),
    authors: optionalText('Авторы', 500),
    year,
    topic: optionalText('Тема', 300),
    targetAudience: optionalText('Целевая аудитория', 500),
    minStock: z
      .number({ error: 'Укажите минимальный остаток' })
      .int('Минимальный остаток — целое число')
      .min(0, 'Минимальный остаток не может быть отрицательным')
      .max(1_000_000, 'Слишком большой минимальный остаток')
      .default(0),
    archived: z.boolean().default(false),
    planItemId: id.nullable().default(null),
  })
  .strict();

const notOfKind = 'Это поле не относится к такому движению';

/**
 * One movement as entered. One flat shape for every kind, so the form keeps its fields when the
 * kind is switched; what belongs to another kind must be empty.
 */
export const movementInput = z
  .object({
    publicationId: id,
    kind: z.enum(ENTERED_MOVEMENT_KINDS, { error: 'Выберите вид движения' }),
    date: isoDate('Дата'),
    quantity,
    printer: optionalText('Типография', 300),
    printedInHouse: z.boolean().default(false),
    organizationId: id.nullable().default(null),
    personId: id.nullable().default(null),
    eventId: id.nullable().default(null),
    reason: optionalText('Причина', 1000),
  })
  .strict()
  .superRefine((m, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (m.kind !== 'stocktake' && m.quantity === 0) issue('quantity', 'Количество экземпляров должно быть больше нуля');
    if (m.kind === 'receipt') {
      if (!m.printedInHouse && m.printer === '') issue('printer', 'Укажите типографию или отметьте «Напечатано в центре»');
      if (m.printedInHouse && m.printer !== '') issue('printer', 'Напечатано в центре: типографию не указывают');
    } else {
      if (m.printer !== '') issue('printer', notOfKind);
      if (m.printedInHouse) issue('printedInHouse', notOfKind);
    }
    const recipients = [m.organizationId, m.personId, m.eventId].filter((r) => r !== null).length;
    if (m.kind === 'distribution') {
      if (recipients === 0) issue('organizationId', 'Укажите, кому выдано: организацию, специалиста или мероприятие');
      if (recipients > 1) issue('personId', 'Укажите одного получателя: организацию, специалиста или мероприятие');
    } else {
      if (m.organizationId !== null) issue('organizationId', notOfKind);
      if (m.personId !== null) issue('personId', notOfKind);
      if (m.eventId !== null) issue('eventId', notOfKind);
    }
    if (m.kind === 'writeOff' && m.reason === '') issue('reason', 'Укажите причину списания');
  });

export const reversalInput = z
  .object({
    movementId: id,
    reason: requiredText('Причина сторнирования', 1000),
  })
  .strict();

/** «Выдать материалы» at an event: copies of several publications, written in one transaction. */
export const handOutInput = z
  .object({
    eventId: id,
    date: isoDate('Дата выдачи'),
    lines: z
      .array(z.object({ publicationId: id, quantity }).strict(), { error: 'Укажите, что выдано' })
      .max(1000, 'Слишком много изданий в одной выдаче'),
  })
  .strict()
  .superRefine((h, ctx) => {
    const wanted = h.lines.filter((l) => l.quantity > 0);
    if (wanted.length === 0) ctx.addIssue({ code: 'custom', path: ['lines'], message: 'Укажите количество хотя бы для одного издания' });
    const ids = wanted.map((l) => l.publicationId);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['lines'], message: 'Издание указано дважды' });
  });

export const ARCHIVE_FILTERS = ['active', 'archived', 'all'] as const;

export const publicationsFilter = z
  .object({
    kindId: id.nullable().default(null),
    topic: z.string().max(300).nullable().default(null),
    year: year.nullable().default(null),
    archive: z.enum(ARCHIVE_FILTERS, { error: 'Неизвестный фильтр архива' }).default('active'),
    lowOnly: z.boolean().default(false),
    search,
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();

const onDate = z.object({ date: isoDate('На дату'), includeArchived: z.boolean().default(false) }).strict();
const period = z
  .object({ from: isoDate('С'), to: isoDate('По') })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'Начало периода позже его конца', path: ['to'] });
const byId = z.object({ id }).strict();

const STOCK = ['publications', 'lists'] as const;
const STATEMENT = ['publications', 'lists', 'names', 'organizations', 'people', 'municipalities', 'profile', 'events'] as const;

export const publicationsCalls = {
  'publications.list': call(publicationsFilter).reads('publications', 'lists').returns<Page<PublicationRow>>(),
  /** The topics already used, for the catalogue's filter and the form's suggestions. */
  'publications.topics': call(z.object({}).strict().default({})).reads('publications').returns<string[]>(),
  'publications.get': call(byId).reads('publications', 'lists', 'names', 'workPlan', 'events').returns<PublicationDetail>(),
  'publications.create': call(publicationInput).db(['publications', 'workPlan'], REFUSED.save).returns<PublicationDetail>(),
  'publications.update': call(z.object({ id, data: publicationInput }).strict())
    .db(['publications', 'workPlan'], REFUSED.save)
    .returns<PublicationDetail>(),
  /** Only a publication with nothing in its ledger: one with movements goes to the archive instead. */
  'publications.delete': call(byId).db(['publications', 'workPlan', 'undo'], REFUSED.delete).returns<null>(),
  /** A print run received realises the publication's plan item, so the plan changes too. */
  'publications.recordMovement': call(movementInput).db(['publications', 'workPlan'], REFUSED.save).returns<MovementResult>(),
  'publications.reverseMovement': call(reversalInput).db(['publications', 'workPlan'], REFUSED.save).returns<MovementResult>(),
  /** The year's plan items a publication may realise. */
  'publications.planCandidates': call(z.object({ year }).strict())
    .reads('workPlan', 'publications', 'lists')
    .returns<{ id: number; label: string }[]>(),
  /** The stock over time, as a chart (issue 20's pipeline). */
  'publications.balanceChart': call(byId).reads('publications').returns<BalanceChart>(),
  /** Issue 21: what «Выдать материалы» proposes on an event's page, and what was handed out there. */
  'publications.eventHandout': call(z.object({ eventId: id }).strict())
    .reads('publications', 'lists', 'events')
    .returns<EventHandout>(),
  'publications.handOutAtEvent': call(handOutInput).db(['publications', 'events'], REFUSED.save).returns<HandOutResult>(),
  'publications.stockOnDate': call(onDate)
    .reads(...STOCK)
    .returns<StockOnDate>(),
  'publications.statement': call(period)
    .reads(...STATEMENT)
    .returns<MovementStatement>(),
  /** «Ведомость остатков» on a date, in Word and Excel. */
  'publications.stockDocx': call(onDate)
    .reads(...STOCK, 'profile')
    .returns<FileOutput>(),
  'publications.stockXlsx': call(onDate)
    .reads(...STOCK, 'profile')
    .returns<FileOutput>(),
  /** The movement statement for a period, in Word and Excel. */
  'publications.statementDocx': call(period)
    .reads(...STATEMENT)
    .returns<FileOutput>(),
  'publications.statementXlsx': call(period)
    .reads(...STATEMENT)
    .returns<FileOutput>(),
  // Issue 22: the file that is printed, kept in the file store in versions.
  /** Makes a stored file (uploaded or chosen in the main process) the publication's next version: a PDF or a DOCX only. */
  'publications.attachFile': call(z.object({ publicationId: id, hash: fileHash }).strict())
    .db(['publications'], REFUSED.add)
    .returns<PublicationFileVersion>(),
  /**
   * The Electron window only: prints a PDF version with the number of copies, or opens a DOCX in
   * the system's associated application. The print run is recorded afterwards, on the user's
   * confirmation, by `publications.recordMovement`. The browser host downloads the file instead.
   */
  'publications.printFile': call(z.object({ publicationId: id, version: z.number().int().positive(), copies: printCopies }).strict())
    .file([], REFUSED.open)
    .returns<PrintedFile>(),
} satisfies Record<string, CallDef<z.ZodType, unknown>>;

export type PublicationInput = z.input<typeof publicationInput>;
export type PublicationData = z.output<typeof publicationInput>;
export type MovementInput = z.input<typeof movementInput>;
export type MovementData = z.output<typeof movementInput>;
export type PublicationsFilter = z.output<typeof publicationsFilter>;
export type HandOutInput = z.input<typeof handOutInput>;
export type HandOutData = z.output<typeof handOutInput>;
export type { EnteredMovementKind };
