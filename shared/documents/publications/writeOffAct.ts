import { documentFileName } from '@shared/documents/fileName';
import type { Block, DocumentSpec } from '@shared/documents/model';
import { approvalLines, signatureName } from '@shared/documents/workPlan/layout';
import type { WriteOffActDetail } from '@shared/contract/writeOffActs';
import { copiesInWords, formatDate, formatNumber } from '@shared/russian';

/**
 * Акт о списании печатной продукции (issue 22), on the one document model: «УТВЕРЖДАЮ» by the
 * director in the corner (dated when the act is signed, a line to fill in by hand on a draft),
 * the number and date, the commission (the chair first, then the members), what is written off
 * with the quantities in figures and in words («одна тысяча двести пятьдесят один экземпляр»),
 * the reason, and the commission's signatures. «ПРОЕКТ» on every page until it is signed.
 */

/** «2026-003»: the act's number within its year, in the form the certificates are numbered. */
export const actNumberLabel = (year: number, number: number) => `${year}-${String(number).padStart(3, '0')}`;

export interface ActHeader {
  centerFullName: string;
  centerShortName: string;
}

/** «социальный педагог Д.А. Журавлёв»: the position inside the sentence, then the name as under a signature. */
const memberLine = (m: { name: string; position: string }) =>
  [m.position.charAt(0).toLowerCase() + m.position.slice(1), signatureName(m.name)].filter(Boolean).join(' ');

export function writeOffActDocument(act: WriteOffActDetail, header: ActHeader): DocumentSpec {
  const signed = act.status === 'signed';
  const chair = act.members.find((m) => m.chair);
  const members = act.members.filter((m) => !m.chair);
  const total = act.lines.reduce((sum, l) => sum + l.quantity, 0);
  const number = act.numberLabel ?? '____';
  const blocks: Block[] = [
    {
      kind: 'corner',
      boldFirst: true,
      lines: approvalLines({
        approvedOn: signed ? act.actDate : null,
        directorPosition: act.approverPosition,
        centerShortName: header.centerShortName,
        directorName: act.approverName,
      }),
    },
    ...(header.centerFullName
      ? [{ kind: 'line' as const, text: header.centerFullName, align: 'center' as const, spaceBefore: 1 as const }]
      : []),
    { kind: 'line', text: 'АКТ', align: 'center', bold: true, spaceBefore: 1, heading: true },
    { kind: 'line', text: 'о списании печатной продукции', align: 'center', bold: true, heading: true },
    { kind: 'split', left: formatDate(act.actDate), right: `№ ${number}`, spaceBefore: 1 },
    {
      kind: 'para',
      spaceBefore: 1,
      text: `Комиссия в составе: председатель комиссии — ${chair ? memberLine(chair) : '________________'}; члены комиссии: ${
        members.map(memberLine).join('; ') || '________________'
      } — составила настоящий акт о том, что перечисленная ниже печатная продукция подлежит списанию.`,
    },
    {
      kind: 'table',
      columns: [
        { title: '№ п/п', share: 6, align: 'center' },
        { title: 'Наименование', share: 36 },
        { title: 'Вид', share: 13 },
        { title: 'Количество (экз.)', share: 16, align: 'center' },
        { title: 'Количество прописью', share: 29 },
      ],
      rows: act.lines.map((l, i) => ({
        cells: [String(i + 1), l.title, l.kind, formatNumber(l.quantity), copiesInWords(l.quantity)],
      })),
    },
    {
      kind: 'para',
      spaceBefore: 1,
      lead: 'Итого: ',
      text: `${formatNumber(total)} (${copiesInWords(total)}), наименований — ${formatNumber(act.lines.length)}.`,
      indent: false,
    },
    { kind: 'para', lead: 'Причина списания: ', text: act.reason, indent: false },
    {
      kind: 'signatures',
      spaceBefore: 2,
      lined: true,
      signers: [
        ...(chair ? [{ position: 'Председатель комиссии', name: signatureName(chair.name) }] : []),
        ...members.map((m, i) => ({ position: i === 0 ? 'Члены комиссии' : '', name: signatureName(m.name) })),
      ],
    },
  ];
  return {
    title: `Акт о списании печатной продукции № ${number} от ${formatDate(act.actDate)}`,
    fileName: documentFileName(
      `Акт списания ${act.numberLabel ? `№ ${act.numberLabel}` : '(проект)'} от ${formatDate(act.actDate)}`,
      'docx',
    ).replace(/\.docx$/, ''),
    orientation: 'portrait',
    draft: !signed,
    blocks,
  };
}
