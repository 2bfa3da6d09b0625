import { z } from 'zod';
import { call, REFUSED, type CallDef, type FileOutput } from './define';
import { empty, id, isoDate, requiredText, year } from './common';

/**
 * Акты списания печатной продукции (issue 22), a part of the publications register: a draft the
 * commission prepares, signed once, numbered per year at signing; its lines become write-off
 * movements of the ledger only then, in the signing transaction.
 */

export type WriteOffActStatus = 'draft' | 'signed';

export interface WriteOffActRow {
  id: number;
  status: WriteOffActStatus;
  /** «2026-003» once signed. */
  numberLabel: string | null;
  actDate: string;
  reason: string;
  publications: number;
  copies: number;
}

export interface WriteOffActMember {
  personId: number;
  /** «Иванова Мария Петровна». */
  name: string;
  position: string;
  chair: boolean;
}

export interface WriteOffActLine {
  publicationId: number;
  title: string;
  kind: string;
  quantity: number;
  /** «двенадцать экземпляров». */
  inWords: string;
  /** On hand on the act's date, from the ledger (after the act's own write-off, once signed). */
  balance: number;
}

export interface WriteOffActDetail extends WriteOffActRow {
  signedAt: string | null;
  /** The director as «УТВЕРЖДАЮ» names them: from the profile for a draft, as copied at signing for a signed act. */
  approverName: string;
  approverPosition: string;
  members: WriteOffActMember[];
  lines: WriteOffActLine[];
}

/** A person of the center's staff, for the commission. */
export interface StaffMember {
  id: number;
  name: string;
  position: string;
}

const quantity = z
  .number({ error: 'Укажите количество экземпляров' })
  .int('Количество экземпляров — целое число')
  .min(1, 'Количество экземпляров должно быть больше нуля')
  .max(10_000_000, 'Слишком большое количество экземпляров');

export const writeOffActInput = z
  .object({
    actDate: isoDate('Дата акта'),
    reason: requiredText('Причина списания', 1000),
    chairId: id,
    memberIds: z.array(id, { error: 'Укажите членов комиссии' }).max(20, 'В комиссии не больше 20 человек').default([]),
    lines: z
      .array(z.object({ publicationId: id, quantity }).strict(), { error: 'Укажите, что списывается' })
      .min(1, 'Укажите хотя бы одно издание')
      .max(200, 'Слишком много изданий в одном акте'),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.memberIds.includes(a.chairId)) {
      ctx.addIssue({ code: 'custom', path: ['memberIds'], message: 'Председатель уже в комиссии: не указывайте его среди членов' });
    }
    if (new Set(a.memberIds).size !== a.memberIds.length)
      ctx.addIssue({ code: 'custom', path: ['memberIds'], message: 'Член комиссии указан дважды' });
    if (a.memberIds.length < 2)
      ctx.addIssue({ code: 'custom', path: ['memberIds'], message: 'Комиссия — не меньше трёх человек: председатель и два члена' });
    const ids = a.lines.map((l) => l.publicationId);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['lines'], message: 'Издание указано дважды' });
  });

const byId = z.object({ id }).strict();
const READS = ['publications', 'lists', 'people', 'profile'] as const;

export const writeOffActsCalls = {
  'writeOffActs.list': call(z.object({ year: year.nullable().default(null) }).strict())
    .reads(...READS)
    .returns<WriteOffActRow[]>(),
  'writeOffActs.get': call(byId)
    .reads(...READS)
    .returns<WriteOffActDetail>(),
  /** The center's staff (people of the center's organisation), for the commission. */
  'writeOffActs.staff': call(empty).reads('people', 'profile', 'organizations').returns<StaffMember[]>(),
  'writeOffActs.create': call(writeOffActInput).db(['publications'], REFUSED.create).returns<WriteOffActDetail>(),
  'writeOffActs.update': call(z.object({ id, data: writeOffActInput }).strict())
    .db(['publications'], REFUSED.save)
    .returns<WriteOffActDetail>(),
  /** A draft only: a signed act stays, its movements are in the ledger. */
  'writeOffActs.delete': call(byId).db(['publications', 'undo'], REFUSED.delete).returns<null>(),
  /** Numbers the act and writes its lines off the ledger in one transaction; refused whole if a line has too few copies. */
  'writeOffActs.sign': call(byId).db(['publications'], REFUSED.sign).returns<WriteOffActDetail>(),
  'writeOffActs.docx': call(byId)
    .reads(...READS)
    .returns<FileOutput>(),
} satisfies Record<string, CallDef<z.ZodType, unknown>>;

export type WriteOffActInput = z.input<typeof writeOffActInput>;
export type WriteOffActData = z.output<typeof writeOffActInput>;
