import type { CertificateLayoutSettings, CertificateNameCase, CertificateRow } from '@shared/contract/certificates';
import { agree, formatDate, formatDateRangeLong, plural, type Gender } from '@shared/russian';
import type { Block, DocumentSpec } from '@shared/documents/model';
import type { SheetSpec } from '@shared/documents/sheet';

/**
 * Сертификат участника: a landscape A4 page to be framed and signed, one per participant, all
 * pages alike so the director signs a stack of forty at the same place on each. What a page
 * prints is a `CertificatePrint`, frozen when the certificate is issued
 * (electron/services/certificates/snapshot.ts): a second download is the same certificate.
 * It is a certificate of participation, never «удостоверение» (the document of a qualification
 * course of 16 hours or more).
 */
export interface CertificatePrint {
  numberLabel: string;
  issuedOn: string;
  /** The name as printed, in the case the layout asked for, and in the nominative for the register. */
  name: { printed: string; nominative: string };
  gender: Gender;
  centerName: string;
  lead: string;
  text: string;
  signer: { position: string; name: string };
  sealPlace: boolean;
  logo: { hash: string; widthMm: number; heightMm: number } | null;
  event: { id: number; title: string; firstDay: string; lastDay: string; hours: number | null };
}

/** «2018-017»: the year of issue and the number within it, three digits at least so a stack sorts. */
export const certificateNumberLabel = (year: number, number: number) => `${year}-${String(number).padStart(3, '0')}`;

/** A title inside «…»; quotes inside it become „…“, the Russian rule for quotes within quotes. */
export function quotedTitle(title: string): string {
  const t = title.trim();
  const inner = t.replace(/«/g, '„').replace(/»/g, '“');
  return `«${inner}»`;
}

export interface CertificateTextContext {
  gender: Gender;
  title: string;
  firstDay: string;
  lastDay: string;
  hours: number | null;
}

/** The layout's text with its words filled in: {он}, {принял}, {мероприятие}, {даты}, {часы}. */
export function fillCertificateText(template: string, c: CertificateTextContext): string {
  const hours = c.hours ? `в объёме ${c.hours} ${plural(c.hours, ['часа', 'часов', 'часов'])}` : '';
  const words: Record<string, string> = {
    '{он}': agree(c.gender, 'он', 'она'),
    '{принял}': agree(c.gender, 'принял', 'приняла'),
    '{мероприятие}': quotedTitle(c.title),
    '{даты}': formatDateRangeLong(c.firstDay, c.lastDay),
    '{часы}': hours,
  };
  return template
    .replace(/\{[^}]*\}/g, (p) => words[p] ?? p)
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:])/g, '$1')
    .replace(/,([.;])/g, '$1')
    .trim();
}

export const DEFAULT_CERTIFICATE_TEXT = {
  lead: 'Настоящий сертификат выдан',
  nameCase: 'dative' as CertificateNameCase,
  text: 'в том, что {он} {принял} участие в мероприятии {мероприятие} {даты} {часы}.',
};

/** The defaults a center starts from: its name and its director from the profile. */
export function defaultCertificateSettings(profile: {
  fullName: string;
  directorName: string;
  directorPosition: string;
}): CertificateLayoutSettings {
  return {
    centerName: profile.fullName || 'Ресурсный центр',
    ...DEFAULT_CERTIFICATE_TEXT,
    signerPosition: profile.directorPosition || 'Директор',
    signerName: profile.directorName || '',
    sealPlace: true,
    logoWidthMm: 30,
    exportWithDocuments: false,
  };
}

function page(c: CertificatePrint): Block[] {
  const blocks: Block[] = [];
  if (c.logo)
    blocks.push({
      kind: 'image',
      picture: { hash: c.logo.hash },
      widthMm: c.logo.widthMm,
      heightMm: c.logo.heightMm,
      align: 'center',
      alt: `Логотип: ${c.centerName}`,
    });
  blocks.push(
    { kind: 'line', text: c.centerName, align: 'center', bold: true, spaceBefore: c.logo ? 1 : 0 },
    { kind: 'line', text: 'СЕРТИФИКАТ', align: 'center', bold: true, size: 'display', spaceBefore: 2 },
    { kind: 'line', text: 'участника', align: 'center', size: 'large' },
  );
  if (c.lead) blocks.push({ kind: 'line', text: c.lead, align: 'center', spaceBefore: 2 });
  blocks.push({ kind: 'line', text: c.name.printed, align: 'center', bold: true, size: 'large', spaceBefore: c.lead ? 0 : 2 });
  if (c.text) blocks.push({ kind: 'line', text: c.text, align: 'center', spaceBefore: 1 });
  blocks.push(
    { kind: 'line', text: `№ ${c.numberLabel} от ${formatDate(c.issuedOn)}`, align: 'center', spaceBefore: 1 },
    {
      kind: 'signatures',
      signers: [{ position: c.signer.position, name: `____________  ${c.signer.name}` }],
      spaceBefore: 2,
    },
  );
  if (c.sealPlace) blocks.push({ kind: 'line', text: 'М.П.', align: 'left', spaceBefore: 1 });
  return blocks;
}

/**
 * The height a certificate's blocks take, estimated on the safe side: Times New Roman averages
 * under half an em per Cyrillic letter (0.55 em is taken, bold included), each line 1.15 of its
 * size, a blank line of 14 pt before the spaced blocks. The issue refuses a certificate that does
 * not fit (a 500-character title with a long text): the director signs one page per person, and a
 * page spilling onto a second would break the stack. tests/unit/certificates/documents.test.ts
 * converts a certificate just within the limit in LibreOffice and counts its pages.
 */
export const CERTIFICATE_PAGE = { widthMm: 297 - 30, heightMm: 210 - 30 } as const;
const PT = 25.4 / 72;
const linesOf = (text: string, sizePt: number) => Math.max(1, Math.ceil((text.length * 0.55 * sizePt * PT) / CERTIFICATE_PAGE.widthMm));
const blockHeight = (text: string, sizePt: number, blankLinesBefore: number) =>
  (linesOf(text, sizePt) * sizePt + blankLinesBefore * 14) * 1.15 * PT;

export function certificateHeightMm(c: CertificatePrint): number {
  return (
    (c.logo ? c.logo.heightMm + 14 * 1.15 * PT : 0) +
    blockHeight(c.centerName, 14, 0) +
    blockHeight('СЕРТИФИКАТ', 36, 2) +
    6 * PT +
    blockHeight('участника', 18, 0) +
    (c.lead ? blockHeight(c.lead, 14, 2) : 0) +
    blockHeight(c.name.printed, 18, c.lead ? 0 : 2) +
    (c.text ? blockHeight(c.text, 14, 1) : 0) +
    blockHeight('№', 14, 1) +
    blockHeight(c.signer.position, 14, 2) +
    (c.sealPlace ? blockHeight('М.П.', 14, 1) : 0)
  );
}

export function certificatesDocument(prints: CertificatePrint[]): DocumentSpec {
  const first = prints[0]!;
  const sameEvent = prints.every((p) => p.event.id === first.event.id);
  const base = sameEvent
    ? `Сертификаты – ${first.event.title} – ${formatDate(first.event.firstDay)}`
    : prints.length === 1
      ? `Сертификат ${first.numberLabel}`
      : `Сертификаты ${first.numberLabel} и др.`;
  return {
    title: prints.length === 1 ? `Сертификат участника № ${first.numberLabel}` : `Сертификаты участников (${prints.length})`,
    fileName: prints.length === 1 ? `Сертификат ${first.numberLabel} – ${first.name.nominative}` : base,
    orientation: 'landscape',
    layout: 'certificate',
    draft: false,
    blocks: prints.flatMap((p, i) => [...(i > 0 ? [{ kind: 'pageBreak' } as const] : []), ...page(p)]),
  };
}

export function certificateRegisterSheet(rows: CertificateRow[], year: number, centerName: string): SheetSpec {
  return {
    fileName: `Реестр сертификатов участников за ${year} год`,
    sheetName: `Сертификаты ${year}`,
    title: [centerName, `Реестр выданных сертификатов участников за ${year} год`],
    orientation: 'landscape',
    columns: [
      { title: '№ сертификата', width: 14, align: 'center' },
      { title: 'Дата выдачи', width: 12, align: 'center' },
      { title: 'Фамилия, имя, отчество', width: 32 },
      { title: 'Организация', width: 30 },
      { title: 'Мероприятие', width: 44 },
      { title: 'Даты мероприятия', width: 22 },
      { title: 'Состояние', width: 30 },
      { title: 'Выдан взамен / заменён', width: 20 },
    ],
    rows: rows.map((r) => [
      r.numberLabel,
      { date: r.issuedOn },
      r.fullName,
      r.organizationName,
      r.eventTitle,
      r.eventDates,
      r.status === 'valid' ? 'действителен' : `аннулирован ${formatDate(r.annulledOn)}: ${r.annulReason}`,
      r.replaces ? `взамен № ${r.replaces}` : r.replacedBy ? `заменён № ${r.replacedBy}` : '',
    ]),
  };
}
