import { Button, Center, Loader, Text } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import {
  agendaBlocks,
  extractBlocks,
  minutesBlocks,
  registrationBlocks,
  type Block,
  type MinutesContext,
} from '@shared/documents/meetings/layout';
import type { MeetingDetail } from '@shared/contract/meetings';
import { todayLocal } from '@shared/russian';
import { useCall } from '@renderer/api/client';
import { PrintToolbar } from '@renderer/components/PrintToolbar';

/**
 * The meeting's documents for the system print dialog (and «Сохранить как PDF»), from the same
 * blocks as the Word files: A4 portrait, margins 30/10/20/20 mm, Times New Roman 14, indent
 * 1.25 cm, page numbers from page 2 centred at the top (CSS page margin boxes).
 */
const PRINT_CSS = `
.minutes-print { font-family: 'Times New Roman', 'Liberation Serif', serif; font-size: 14pt; line-height: 1.15; color: #000; background: #fff; max-width: 170mm; margin: 0 auto; padding: 10mm 0; }
.minutes-print p { margin: 0; }
.minutes-print .line { text-indent: 0; }
.minutes-print .center { text-align: center; }
.minutes-print .right { text-align: right; }
.minutes-print .bold { font-weight: bold; }
.minutes-print .before { margin-top: 12pt; }
.minutes-print .para { text-align: justify; text-indent: 1.25cm; white-space: pre-line; }
.minutes-print .para.flush { text-indent: 0; }
.minutes-print .split { display: flex; justify-content: space-between; }
.minutes-print .page-break { break-before: page; }
.minutes-print table { width: 100%; border-collapse: collapse; font-size: 12pt; margin-top: 6pt; table-layout: fixed; }
.minutes-print th, .minutes-print td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; text-align: left; height: 9mm; }
.minutes-print th { text-align: center; }
.minutes-print thead { display: table-header-group; }
.minutes-print tr { break-inside: avoid; }
@page { size: A4 portrait; margin: 20mm 10mm 20mm 30mm; @top-center { content: counter(page); font-family: 'Times New Roman', 'Liberation Serif', serif; font-size: 14pt; } }
@page :first { @top-center { content: none; } }
@media print {
  .no-print, .mantine-Notifications-root { display: none !important; }
  .minutes-print { max-width: none; padding: 0; }
}
`;

export type PrintDoc = 'full' | 'short' | 'agenda' | 'registration' | 'extract';

function blocksFor(doc: PrintDoc, m: MeetingDetail, ctx: MinutesContext, itemId: number | null): Block[] {
  if (doc === 'agenda') return agendaBlocks(m, ctx);
  if (doc === 'registration') return registrationBlocks(m, ctx);
  if (doc === 'extract') {
    const item = m.items.find((i) => i.id === itemId) ?? m.items[0];
    return item ? extractBlocks(m, item, ctx) : [];
  }
  return minutesBlocks(m, ctx, doc);
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'line':
      return <p className={['line', block.align, block.bold ? 'bold' : '', block.spaceBefore ? 'before' : ''].join(' ')}>{block.text}</p>;
    case 'split':
      return (
        <p className={['split', block.spaceBefore ? 'before' : ''].join(' ')}>
          <span>{block.left}</span>
          <span>{block.right}</span>
        </p>
      );
    case 'para':
      return (
        <p className={['para', block.indent === false ? 'flush' : ''].join(' ')}>
          {block.lead ? <b>{block.lead}</b> : null}
          {block.text}
        </p>
      );
    case 'pageBreak':
      return <div className="page-break" />;
    case 'table': {
      const total = block.columns.reduce((s, c) => s + c.share, 0);
      return (
        <table>
          <colgroup>
            {block.columns.map((c, i) => (
              <col key={i} style={{ width: `${(c.share / total) * 100}%` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {block.columns.map((c, i) => (
                <th key={i}>{c.title}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((r, i) => (
              <tr key={i}>
                {r.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
  }
}

export function PrintView() {
  const id = Number(useParams().id);
  const [params] = useSearchParams();
  const doc = (params.get('doc') as PrintDoc | null) ?? 'full';
  const itemId = Number(params.get('item')) || null;
  const meeting = useCall('meetings.get', { id });
  // For signed minutes: the center's name and threshold as at signing, like the Word files.
  const settings = useCall('meetings.documentSettings', { id });
  const back = `/meetings/list/${id}`;

  if (meeting.isError || settings.isError) {
    return (
      <Center mih="100vh">
        <Text c="red">{(meeting.error ?? settings.error)?.message}</Text>
        <Button component={Link} to={back} variant="subtle">
          Назад
        </Button>
      </Center>
    );
  }
  if (!meeting.data || !settings.data) {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  }
  const ctx: MinutesContext = { ...settings.data, today: todayLocal() };
  return (
    <>
      <style>{PRINT_CSS}</style>
      <PrintToolbar back={back} />
      <article className="minutes-print" aria-label="Документ для печати">
        {blocksFor(doc, meeting.data, ctx, itemId).map((block, i) => (
          <BlockView key={i} block={block} />
        ))}
      </article>
    </>
  );
}
