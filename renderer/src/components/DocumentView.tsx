import { Button, Center, Loader, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { DRAFT_MARK, LINE_SIZES, type Block, type DocumentSpec, type Signer } from '@shared/documents/model';
import { typeset, xmlSafe } from '@shared/documents/text';
import { PrintToolbar } from './PrintToolbar';

/**
 * The print view of any document: the blocks the Word file is rendered from, laid out with the
 * same typography for the system print dialog (and «Сохранить как PDF»): A4, margins 30/10/20/20
 * mm (landscape 30/20/20/20), Times New Roman 14 and 12 in tables, justified and hyphenated body
 * text with the 1.25 cm indent, page numbers from page 2 centred at the top, «ПРОЕКТ» at the top
 * right of every page of a draft (CSS page margin boxes), headings and signatures kept with their
 * text.
 */
const CSS = `
.doc-print { font-family: 'Times New Roman', 'Liberation Serif', serif; font-size: 14pt; line-height: 1.15; color: #000; background: #fff; margin: 0 auto; padding: 10mm 0; hyphens: auto; orphans: 2; widows: 2; }
.doc-print.portrait { max-width: 170mm; }
.doc-print.landscape { max-width: 247mm; }
.doc-print p { margin: 0; min-height: 1.15em; hyphens: manual; }
.doc-print .center { text-align: center; }
.doc-print .right { text-align: right; }
.doc-print .bold { font-weight: bold; }
.doc-print .space-1 { margin-top: 1.15em; }
.doc-print .space-2 { margin-top: 2.3em; }
.doc-print .heading { break-after: avoid; }
.doc-print .para { text-align: justify; text-indent: 1.25cm; white-space: pre-line; hyphens: auto; }
.doc-print .para.flush { text-indent: 0; }
.doc-print .split { display: flex; justify-content: space-between; }
.doc-print .corner { margin-left: auto; width: 80mm; margin-bottom: 1.15em; break-after: avoid; }
.doc-print .signatures { break-before: avoid; break-inside: avoid; }
.doc-print .signer { display: flex; justify-content: space-between; align-items: flex-end; gap: 4mm; }
.doc-print .signer .position { width: 60%; }
.doc-print .signatures.lined .signer .position { width: 45%; }
.doc-print .signer .sign { width: 30%; border-bottom: 1px solid currentColor; align-self: flex-end; height: 1.15em; }
.doc-print .together { break-inside: avoid; break-before: avoid; }
.doc-print .note { font-size: 10pt; }
.doc-print .page-break { break-before: page; }
.doc-print figure.image { margin: 0; text-align: center; break-inside: avoid; }
.doc-print figure.image img { max-width: 100%; display: block; margin: 0 auto; }
.doc-print figure.image.left img { margin-left: 0; }
.doc-print figure.image.right img { margin-right: 0; }
.doc-print figure.image figcaption { text-align: center; hyphens: manual; }
.doc-print.certificate { max-width: 267mm; }
.doc-print .size-display { margin-bottom: 6pt; }
.doc-print table { width: 100%; border-collapse: collapse; font-size: 12pt; table-layout: fixed; }
.doc-print th, .doc-print td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; text-align: left; white-space: pre-line; hyphens: auto; }
.doc-print th { text-align: center; hyphens: manual; }
.doc-print td.center { text-align: center; }
.doc-print td.tall { height: 9mm; }
.doc-print td.names { hyphens: manual; }
.doc-print tr.group td { font-weight: bold; }
.doc-print tr.group { break-after: avoid; }
.doc-print thead { display: table-header-group; }
.doc-print tr { break-inside: avoid; }
.doc-print .draft-mark { position: absolute; right: 0; top: 0; font-weight: bold; }
@page portrait-page { size: A4 portrait; margin: 20mm 10mm 20mm 30mm; }
@page landscape-page { size: A4 landscape; margin: 20mm 20mm 20mm 30mm; }
.doc-print.portrait { page: portrait-page; }
.doc-print.landscape { page: landscape-page; }
.doc-print.certificate { page: certificate-page; }
@page certificate-page { size: A4 landscape; margin: 15mm; @top-center { content: none; } }
@page { @top-center { content: counter(page); font-family: 'Times New Roman', 'Liberation Serif', serif; font-size: 14pt; } }
@page :first { @top-center { content: none; } }
@media print {
  .no-print, .mantine-Notifications-root { display: none !important; }
  .doc-print { max-width: none !important; padding: 0; }
}
`;

const DRAFT_CSS = `@page { @top-right { content: '${DRAFT_MARK}'; font-family: 'Times New Roman', 'Liberation Serif', serif; font-size: 14pt; font-weight: bold; } }`;

const show = (text: string) => typeset(xmlSafe(text));
const space = (s: 0 | 1 | 2 | undefined) => (s ? `space-${s}` : '');

function Signatures({ signers, spaceBefore, lined }: { signers: Signer[]; spaceBefore: 0 | 1 | 2; lined: boolean }) {
  return (
    <div className={['signatures', lined ? 'lined' : '', space(spaceBefore)].join(' ')}>
      {signers.map((s, i) => (
        <div key={i} className={['signer', i > 0 ? 'space-1' : ''].join(' ')}>
          <span className="position">{show(s.position)}</span>
          {lined && <span className="sign" aria-label="подпись" />}
          <span className="name">{show(s.name)}</span>
        </div>
      ))}
    </div>
  );
}

/** The pictures a spec's image blocks name, as data: URIs by hash (the CSP allows `img-src data:`). */
type Images = Readonly<Record<string, string>>;

function BlockView({ block, images }: { block: Block; images: Images }) {
  switch (block.kind) {
    case 'line':
      return (
        <p
          className={[
            'line',
            block.align,
            block.bold ? 'bold' : '',
            space(block.spaceBefore),
            block.heading ? 'heading' : '',
            block.size ? `size-${block.size}` : '',
          ].join(' ')}
          style={block.size ? { fontSize: `${LINE_SIZES[block.size]}pt` } : undefined}
        >
          {show(block.text)}
        </p>
      );
    case 'split':
      return (
        <p className={['split', space(block.spaceBefore)].join(' ')}>
          <span>{show(block.left)}</span>
          <span>{show(block.right)}</span>
        </p>
      );
    case 'para':
      return (
        <p
          className={['para', block.indent === false ? 'flush' : '', space(block.spaceBefore), block.text.trim() ? '' : 'heading'].join(
            ' ',
          )}
        >
          {block.lead ? <b>{show(block.lead)}</b> : null}
          {show(block.text)}
        </p>
      );
    case 'corner':
      return (
        <div className="corner">
          {block.lines.map((line, i) => (
            <p key={i} className={block.boldFirst && i === 0 ? 'bold' : ''}>
              {show(line)}
            </p>
          ))}
        </div>
      );
    case 'signatures':
      return <Signatures signers={block.signers} spaceBefore={block.spaceBefore ?? 2} lined={block.lined ?? false} />;
    case 'together':
      return (
        <div className="together">
          {block.blocks.map((b, i) => (
            <BlockView key={i} block={b} images={images} />
          ))}
        </div>
      );
    case 'note':
      return (
        <div className={['note', space(block.spaceBefore)].join(' ')}>
          {block.lines.map((line, i) => (
            <p key={i}>{show(line)}</p>
          ))}
        </div>
      );
    case 'pageBreak':
      return <div className="page-break" />;
    case 'image': {
      const { picture } = block;
      const src = 'png' in picture ? `data:image/png;base64,${picture.png}` : images[picture.hash];
      // A stored picture the answer did not bring is left out, as in the Word file.
      if (!src) return null;
      return (
        <figure className={['image', block.align ?? 'center', space(block.spaceBefore)].join(' ')}>
          <img
            src={src}
            alt={xmlSafe(block.alt)}
            style={{ width: `${block.widthMm}mm`, height: block.heightMm === undefined ? 'auto' : `${block.heightMm}mm` }}
          />
          {block.caption ? <figcaption>{show(block.caption)}</figcaption> : null}
        </figure>
      );
    }
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
                <th key={i}>{show(c.title)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((r, i) =>
              'group' in r ? (
                <tr key={i} className="group">
                  <td colSpan={block.columns.length}>{show(r.group)}</td>
                </tr>
              ) : (
                <tr key={i}>
                  {r.cells.map((cell, j) => (
                    <td
                      key={j}
                      className={[
                        block.columns[j]?.align === 'center' ? 'center' : '',
                        block.columns[j]?.names ? 'names' : '',
                        r.tall ? 'tall' : '',
                      ].join(' ')}
                    >
                      {show(cell)}
                    </td>
                  ))}
                </tr>
              ),
            )}
          </tbody>
        </table>
      );
    }
  }
}

export function DocumentView({ spec, images = {} }: { spec: DocumentSpec; images?: Images }) {
  return (
    <article
      className={['doc-print', spec.orientation, spec.layout === 'certificate' ? 'certificate' : ''].join(' ')}
      lang="ru"
      aria-label="Документ для печати"
      style={{ position: 'relative' }}
    >
      {spec.draft ? (
        <p className="draft-mark no-print" aria-label="Отметка «Проект»">
          {DRAFT_MARK}
        </p>
      ) : null}
      {spec.blocks.map((block, i) => (
        <BlockView key={i} block={block} images={images} />
      ))}
    </article>
  );
}

/** A bare print page: the toolbar, then the document, or the refusal (an extract of unsigned minutes) with a way back. */
export function PrintPage({
  query,
  back,
  images,
}: {
  query: { data?: DocumentSpec; error: Error | null; isError: boolean };
  back: string;
  images?: Images;
}) {
  if (query.isError) {
    return (
      <Center mih="100vh" style={{ flexDirection: 'column', gap: 12 }}>
        <Text c="red" maw={640} ta="center">
          {query.error?.message}
        </Text>
        <Button component={Link} to={back} variant="subtle">
          Назад
        </Button>
      </Center>
    );
  }
  if (!query.data) {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  }
  return (
    <>
      <style>{CSS}</style>
      {query.data.draft ? <style>{DRAFT_CSS}</style> : null}
      <PrintToolbar back={back} />
      <DocumentView spec={query.data} images={images} />
    </>
  );
}
