import { Button, Center, Loader, Text } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import {
  approvalLines,
  directionHeading,
  EMPTY_PLAN_TEXT,
  itemCells,
  PLAN_COLUMNS,
  planTitleLines,
} from '@shared/documents/workPlan/layout';
import { useCall } from '@renderer/api/client';
import { PrintToolbar } from '@renderer/components/PrintToolbar';

// Matches the Word plan: A4 landscape, Times New Roman, the header row repeated on each page.
const PRINT_CSS = `
.plan-print { font-family: 'Times New Roman', 'Liberation Serif', serif; font-size: 14pt; color: #000; background: #fff; padding: 20mm 20mm 20mm 30mm; }
.plan-print .approval { margin-left: 62%; margin-bottom: 8mm; }
.plan-print .approval div:first-child { font-weight: bold; margin-bottom: 2mm; }
.plan-print h1 { font-size: 14pt; text-align: center; margin: 0 0 6mm; }
.plan-print table { width: 99.8%; table-layout: fixed; border-collapse: collapse; font-size: 12pt; }
.plan-print th, .plan-print td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; text-align: left; white-space: pre-line; }
.plan-print th { text-align: center; }
.plan-print td.center { text-align: center; }
.plan-print tr.direction td { font-weight: bold; }
.plan-print tr.direction { break-after: avoid; }
.plan-print thead { display: table-header-group; }
.plan-print tr { break-inside: avoid; }
@page { size: A4 landscape; margin: 20mm 20mm 20mm 30mm; }
@media print {
  .no-print, .mantine-Notifications-root { display: none !important; }
  .plan-print { padding: 0; }
}
`;

const WIDTHS = ['4%', '20%', '12%', '9%', '14%', '13%', '14%', '14%'];

/** The plan for the system print dialog, without the application frame. */
export function PrintView() {
  const year = Number(useParams().year);
  const data = useCall('workPlan.document', { year });
  const back = `/work-plan?year=${year}`;

  if (data.isPending) {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  }
  if (data.isError) {
    return (
      <Center mih="100vh">
        <Text c="red">{data.error.message}</Text>
        <Button component={Link} to="/work-plan" variant="subtle">
          Назад
        </Button>
      </Center>
    );
  }
  const doc = data.data;
  return (
    <>
      <style>{PRINT_CSS}</style>
      <PrintToolbar back={back} />
      <div className="plan-print">
        <div className="approval">
          {approvalLines(doc).map((line, i) => (
            <div key={i}>{line}</div>
          ))}
        </div>
        <h1>
          {planTitleLines(doc).map((line, i) => (
            <div key={i}>{line}</div>
          ))}
        </h1>
        <table>
          <colgroup>
            {WIDTHS.map((w, i) => (
              <col key={i} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {PLAN_COLUMNS.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {doc.groups.length === 0 ? (
              <tr>
                <td colSpan={PLAN_COLUMNS.length}>{EMPTY_PLAN_TEXT}</td>
              </tr>
            ) : null}
            {doc.groups.map((group) => [
              <tr key={group.direction} className="direction">
                <td colSpan={PLAN_COLUMNS.length}>{directionHeading(group)}</td>
              </tr>,
              ...group.items.map((item) => (
                <tr key={item.id}>
                  {itemCells(item).map((text, i) => (
                    <td key={i} className={i === 0 || i === 3 ? 'center' : undefined}>
                      {text}
                    </td>
                  ))}
                </tr>
              )),
            ])}
          </tbody>
        </table>
      </div>
    </>
  );
}
