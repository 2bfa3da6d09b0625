import 'react-datasheet-grid/dist/style.css';
import './sheet.css';
import { Alert, Button, Group, List, Modal, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { DataSheetGrid, keyColumn, textColumn, type Column, type DataSheetGridRef } from 'react-datasheet-grid';
import { QUARTER_LABELS, type SaveSheetResult, type Sheet, type SheetScope } from '@shared/contract/indicators';
import { countOf, currentYear, formatFigure, parseClipboard, parseFigure } from '@shared/russian';
import { useCall, useChange } from '@renderer/api/client';
import { ScreenHeader } from '@renderer/components/screen';
import { useLeaveGuard } from '@renderer/components/form';
import { figureColumn } from './figureColumn';

type Row = Record<string, string | number | boolean> & { indicatorId: number; label: string; whole: boolean; locked: boolean };

const columnKey = (municipalityId: number | null) => `m${municipalityId ?? 0}`;
const cellKey = (indicatorId: number, municipalityId: number | null) => `${indicatorId}:${municipalityId ?? 0}`;

const PERIODS = [...QUARTER_LABELS.map((label, i) => ({ value: String(i + 1), label })), { value: 'year', label: 'Год целиком' }];
const SCOPES: { value: SheetScope; label: string }[] = [
  { value: 'municipalities', label: 'По муниципальным образованиям' },
  { value: 'segment', label: 'По сегменту в целом' },
];

/**
 * Ввод показателей: one period's figures as a spreadsheet — the indicators down, the segment's
 * municipalities (or the whole segment) across — typed with the keyboard (arrows, Enter, Tab,
 * Delete) or pasted as a block from Excel, saved at once in one transaction. Figures that
 * contradict each other are shown before they are saved and kept only when she confirms.
 */
export function SheetScreen() {
  const thisYear = currentYear();
  const [year, setYear] = useState(thisYear);
  const [period, setPeriod] = useState('1');
  const [scope, setScope] = useState<SheetScope>('municipalities');
  const quarter = period === 'year' ? null : Number(period);
  const sheet = useCall('indicators.sheet', { year, quarter, scope });
  const [edits, setEdits] = useState<Record<string, string>>({});
  const dirty = Object.keys(edits).length > 0;
  useLeaveGuard(dirty);

  /** Changing the period drops what is not saved: she is asked first. */
  const switchTo = (apply: () => void) => {
    if (!dirty) return apply();
    modals.openConfirmModal({
      title: 'Несохранённые значения',
      children: <Text size="sm">Введённые и не сохранённые значения будут потеряны. Перейти к другому периоду?</Text>,
      labels: { confirm: 'Перейти без сохранения', cancel: 'Остаться' },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        setEdits({});
        apply();
      },
    });
  };

  const years = Array.from({ length: thisYear + 2 - 2010 }, (_, i) => String(thisYear + 1 - i));
  return (
    <Stack>
      <ScreenHeader
        title="Ввод показателей"
        description="Значения вводятся так, как их дал источник: за квартал или за год, по муниципальным образованиям или по сегменту в целом. Можно вставить блок ячеек из Excel (Ctrl+V)."
      />
      <Group align="flex-end">
        <Select
          label="Год"
          w={110}
          data={years}
          value={String(year)}
          allowDeselect={false}
          onChange={(v) => v && switchTo(() => setYear(Number(v)))}
        />
        <SegmentedControl aria-label="Период" data={PERIODS} value={period} onChange={(v) => switchTo(() => setPeriod(v))} />
        <SegmentedControl aria-label="Разрез" data={SCOPES} value={scope} onChange={(v) => switchTo(() => setScope(v as SheetScope))} />
      </Group>
      {sheet.isError ? <Text c="red">{sheet.error.message}</Text> : null}
      {sheet.data && sheet.data.columns.length === 0 ? (
        <Alert color="yellow" title="В сегменте нет муниципальных образований">
          Добавьте их в разделе «Реестр → Муниципалитеты» (отметка «входит в сегмент») или вводите значения по сегменту в целом.
        </Alert>
      ) : sheet.data ? (
        <SheetGrid key={`${year}:${period}:${scope}`} sheet={sheet.data} edits={edits} setEdits={setEdits} />
      ) : null}
    </Stack>
  );
}

function SheetGrid({
  sheet,
  edits,
  setEdits,
}: {
  sheet: Sheet;
  edits: Record<string, string>;
  setEdits: (e: Record<string, string>) => void;
}) {
  const grid = useRef<DataSheetGridRef>(null);
  const save = useChange('indicators.saveSheet');
  const [warnings, setWarnings] = useState<SaveSheetResult['warnings'] | null>(null);
  const stored = (indicatorId: number, i: number) => formatFigure(sheet.rows.find((r) => r.indicatorId === indicatorId)?.values[i] ?? null);

  const rows: Row[] = useMemo(
    () =>
      sheet.rows.map((r) => {
        // A computed row is counted from its register, an other-grain row is kept as it was given: neither is typed here.
        const lock = r.computed ? 'вычисляется, не вводится' : r.otherGrain;
        const row: Row = {
          indicatorId: r.indicatorId,
          label: `${r.name}, ${r.unit}${lock ? ` — ${lock}` : ''}`,
          whole: r.whole,
          locked: lock !== null,
        };
        let total: number | null = null;
        sheet.columns.forEach((c, i) => {
          const text = edits[cellKey(r.indicatorId, c.municipalityId)] ?? formatFigure(r.values[i] ?? null);
          row[columnKey(c.municipalityId)] = text;
          const figure = parseFigure(text, false);
          if (figure.ok && figure.value !== null) total = (total ?? 0) + figure.value;
        });
        row.total = sheet.columns.length > 1 ? formatFigure(r.computed ? r.computed.total : total) : '';
        return row;
      }),
    [sheet, edits],
  );

  const applyRows = (next: Row[]) => {
    const changed: Record<string, string> = {};
    next.forEach((row) =>
      sheet.columns.forEach((c, i) => {
        const text = String(row[columnKey(c.municipalityId)] ?? '');
        if (text !== stored(row.indicatorId, i)) changed[cellKey(row.indicatorId, c.municipalityId)] = text;
      }),
    );
    setEdits(changed);
  };

  // A block copied from Excel is read by our own parser (tabs, CRLF, U+00A0, quoted cells) and laid
  // out from the active cell; the grid's own paste prefers Excel's HTML copy and splits it its way.
  const latest = useRef({ rows, applyRows });
  useEffect(() => {
    latest.current = { rows, applyRows };
  });
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const active = grid.current?.activeCell;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (!active || active.col < 1 || !/[\t\r\n]/.test(text.replace(/\r?\n$/, ''))) return;
      event.preventDefault();
      event.stopPropagation();
      const block = parseClipboard(text);
      const { rows: current, applyRows: apply } = latest.current;
      const next = current.map((r) => ({ ...r }));
      block.forEach((cells, r) => {
        const row = next[active.row + r];
        if (!row || row.locked) return;
        cells.forEach((value, c) => {
          const column = sheet.columns[active.col - 1 + c];
          if (column) row[columnKey(column.municipalityId)] = value.trim();
        });
      });
      apply(next);
      const lastRow = Math.min(next.length, active.row + block.length) - 1;
      // Grid columns count the indicator's name first: municipality i is column i + 1.
      const lastCol = Math.min(sheet.columns.length, active.col + Math.max(...block.map((b) => b.length)) - 1);
      grid.current?.setSelection({ min: { col: active.col, row: active.row }, max: { col: lastCol, row: lastRow } });
    };
    // Capture on window: before the grid's own listener on document.
    window.addEventListener('paste', onPaste, true);
    return () => window.removeEventListener('paste', onPaste, true);
  }, [sheet]);

  const invalid = (row: Row, key: string) => !parseFigure(String(row[key] ?? ''), row.whole).ok;
  const columns: Column<Row>[] = [
    // The indicator's name as text (not a read-only input): read by a screen reader, found by its words.
    {
      id: 'label',
      title: 'Показатель',
      basis: 440,
      grow: 0,
      disabled: true,
      component: ({ rowData }) => (
        <Text size="sm" px="xs" truncate="end" title={rowData.label}>
          {rowData.label}
        </Text>
      ),
    },
    ...sheet.columns.map((c, i): Column<Row> => ({
      ...keyColumn<Row, string>(columnKey(c.municipalityId), figureColumn as never),
      title: c.name,
      basis: 130,
      minWidth: 110,
      disabled: ({ rowData }) => rowData.locked,
      cellClassName: ({ rowData }) => {
        const key = columnKey(c.municipalityId);
        if (rowData.locked) return 'rc-figure-locked';
        if (invalid(rowData, key)) return 'rc-figure-invalid';
        return String(rowData[key] ?? '') !== stored(rowData.indicatorId, i) ? 'rc-figure-changed' : undefined;
      },
    })),
    ...(sheet.columns.length > 1
      ? [{ ...keyColumn<Row, 'total'>('total', textColumn as never), title: 'Итого', basis: 100, grow: 0, disabled: true } as Column<Row>]
      : []),
  ];

  const bad = rows.flatMap((row) =>
    sheet.columns
      .filter((c) => invalid(row, columnKey(c.municipalityId)))
      .map((c) => {
        const text = String(row[columnKey(c.municipalityId)]);
        const figure = parseFigure(text, row.whole);
        return `${String(row.label).split(',')[0]}, ${c.name}: ${figure.ok ? '' : figure.message}`;
      }),
  );

  const submit = async (confirmed: boolean) => {
    const cells = Object.entries(edits).map(([key, text]) => {
      const [indicatorId, m] = key.split(':').map(Number) as [number, number];
      return { indicatorId, municipalityId: m === 0 ? null : m, text };
    });
    const result = await save
      .mutateAsync({ year: sheet.year, quarter: sheet.quarter, scope: sheet.scope, cells, confirmed })
      .catch(() => null);
    if (!result) return;
    if (!result.saved) {
      setWarnings(result.warnings);
      return;
    }
    setWarnings(null);
    setEdits({});
    notifications.show({
      color: 'green',
      message: `Сохранено: ${countOf(result.changed, ['значение', 'значения', 'значений'])} за ${sheet.periodLabel}`,
    });
  };
  // Ctrl+S saves, as in Excel (the browser's «save page» is not what she means here).
  const latestSubmit = useRef(submit);
  useEffect(() => {
    latestSubmit.current = submit;
  });
  const canSave = Object.keys(edits).length > 0 && bad.length === 0;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || (event.key.toLowerCase() !== 's' && event.key.toLowerCase() !== 'ы')) return;
      event.preventDefault();
      if (canSave) void latestSubmit.current(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canSave]);

  return (
    <Stack>
      <Paper withBorder>
        <DataSheetGrid<Row>
          ref={grid}
          value={rows}
          onChange={applyRows}
          columns={columns}
          lockRows
          rowHeight={36}
          headerRowHeight={44}
          height={Math.min(760, 44 + rows.length * 36 + 2)}
          gutterColumn={false}
          disableContextMenu
        />
      </Paper>
      {sheet.rows.some((r) => r.computed) ? (
        <Stack gap={2} aria-label="Вычисляемые показатели">
          {sheet.rows
            .filter((r) => r.computed)
            .map((r) => (
              <Text key={r.indicatorId} size="sm" c="dimmed">
                «{r.name}» — {r.computed!.origin}
                {r.computed!.note ? `; ${r.computed!.note}` : ''}.
              </Text>
            ))}
        </Stack>
      ) : null}
      {bad.length > 0 ? (
        <Alert color="red" title="Эти значения не будут приняты">
          <List size="sm">
            {bad.slice(0, 6).map((b) => (
              <List.Item key={b}>{b}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <Group>
        <Button
          leftSection={<IconDeviceFloppy size={16} />}
          onClick={() => void submit(false)}
          loading={save.isPending}
          disabled={!canSave}
          title="Ctrl+S"
        >
          Сохранить {sheet.periodLabel}
        </Button>
        {Object.keys(edits).length > 0 ? (
          <Button variant="default" onClick={() => setEdits({})}>
            Отменить изменения
          </Button>
        ) : null}
        <Text size="sm" c="dimmed">
          {Object.keys(edits).length > 0
            ? `Изменено: ${countOf(Object.keys(edits).length, ['значение', 'значения', 'значений'])}`
            : 'Изменений нет'}
        </Text>
      </Group>
      <Modal opened={warnings !== null} onClose={() => setWarnings(null)} title="Значения противоречат друг другу" size="lg">
        <Stack>
          <Text size="sm">
            Проверьте их. Если они верны (например, случай открыт в одном районе, а закрыт в другом), сохраните как есть.
          </Text>
          <List size="sm">
            {(warnings ?? []).map((w) => (
              <List.Item key={`${w.indicatorId}:${w.municipalityId}:${w.message}`}>{w.message}</List.Item>
            ))}
          </List>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setWarnings(null)} data-autofocus>
              Исправить
            </Button>
            <Button onClick={() => void submit(true)} loading={save.isPending}>
              Сохранить как есть
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
