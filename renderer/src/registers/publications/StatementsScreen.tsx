import { Anchor, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFileText } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { formatNumber, todayLocal } from '@shared/russian';
import { eventDates } from '@shared/contract/eventEnums';
import type { DistributionGroup } from '@shared/contract/publications';
import { callApi, useCall } from '@renderer/api/client';
import { useDocument } from '@renderer/components/useDocument';
import { DateInput, numberCell, signedNumber, useTypedDate } from './common';
import { ListTable } from '@renderer/components/ListTable';

function Downloads({ busy, onWord, onExcel, disabled }: { busy: boolean; onWord: () => void; onExcel: () => void; disabled: boolean }) {
  return (
    <Group>
      <Button variant="default" leftSection={<IconFileText size={16} />} onClick={onWord} loading={busy} disabled={disabled}>
        Word
      </Button>
      <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} onClick={onExcel} loading={busy} disabled={disabled}>
        Excel
      </Button>
    </Group>
  );
}

function Groups({ title, rows, none = 'Выдач в этом периоде нет.' }: { title: string; rows: DistributionGroup[]; none?: string }) {
  return (
    <ListTable label={title} columns={[{ title }, { title: 'Экз.', width: 100, right: true }]} empty={rows.length ? null : none}>
      {rows.map((g) => (
        <Table.Tr key={g.label}>
          <Table.Td>{g.label}</Table.Td>
          <Table.Td style={numberCell}>{formatNumber(g.copies)}</Table.Td>
        </Table.Tr>
      ))}
    </ListTable>
  );
}

/** «Ведомость остатков» on a date and the movement statement for a period, read from the ledger, with their Word and Excel files. */
export function StatementsScreen() {
  const today = todayLocal();
  const onDate = useTypedDate(today);
  const [archived, setArchived] = useState(false);
  // A period given in the address (the home screen's «Распространено экземпляров» of a year) opens the statement on it.
  const [params] = useSearchParams();
  const given = (key: string) => (/^\d{4}-\d{2}-\d{2}$/.test(params.get(key) ?? '') ? params.get(key)! : null);
  const from = useTypedDate(given('from') ?? `${today.slice(0, 4)}-01-01`);
  const to = useTypedDate(given('to') ?? today);
  const stock = useCall(
    'publications.stockOnDate',
    { date: onDate.iso ?? today, includeArchived: archived },
    { enabled: onDate.iso !== null },
  );
  const periodOk = from.iso !== null && to.iso !== null && from.iso <= to.iso;
  const statement = useCall('publications.statement', { from: from.iso ?? today, to: to.iso ?? today }, { enabled: periodOk });
  const { busy, download } = useDocument();
  const stockInput = { date: onDate.iso ?? today, includeArchived: archived };
  const period = { from: from.iso ?? today, to: to.iso ?? today };
  const s = statement.data;
  return (
    <Stack>
      <Stack gap={2}>
        <Anchor component={Link} to="/publications" size="sm">
          ← Печатная продукция
        </Anchor>
        <Title order={2}>Ведомости печатной продукции</Title>
      </Stack>
      <Paper withBorder p="md">
        <Stack>
          <Title order={4}>Ведомость остатков на дату</Title>
          <Group align="flex-end">
            <DateInput label="На дату" d={onDate} />
            <Checkbox label="Включая архивные" checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} mb={8} />
            <Downloads
              busy={busy === 'stock'}
              disabled={onDate.iso === null}
              onWord={() => download('stock', () => callApi('publications.stockDocx', stockInput))}
              onExcel={() => download('stock', () => callApi('publications.stockXlsx', stockInput))}
            />
          </Group>
          <ListTable
            label="Остатки на дату"
            columns={[{ title: 'Наименование' }, { title: 'Вид', width: 180 }, { title: 'Остаток, экз.', width: 130, right: true }]}
            empty={stock.data && stock.data.rows.length === 0 ? 'На эту дату экземпляров не было.' : null}
          >
            {(stock.data?.rows ?? []).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.title}</Table.Td>
                <Table.Td>{r.kind}</Table.Td>
                <Table.Td style={numberCell}>{formatNumber(r.balance)}</Table.Td>
              </Table.Tr>
            ))}
            {stock.data && stock.data.rows.length ? (
              <Table.Tr fw={700}>
                <Table.Td>Итого</Table.Td>
                <Table.Td />
                <Table.Td style={numberCell}>{formatNumber(stock.data.total)}</Table.Td>
              </Table.Tr>
            ) : null}
          </ListTable>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack>
          <Title order={4}>Ведомость движения за период</Title>
          <Group align="flex-end">
            <DateInput label="С" d={from} />
            <DateInput label="По" d={to} />
            <Downloads
              busy={busy === 'statement'}
              disabled={!periodOk}
              onWord={() => download('statement', () => callApi('publications.statementDocx', period))}
              onExcel={() => download('statement', () => callApi('publications.statementXlsx', period))}
            />
          </Group>
          {from.iso && to.iso && from.iso > to.iso ? (
            <Text c="red" size="sm">
              Начало периода позже его конца
            </Text>
          ) : null}
          <ListTable
            label="Движение за период"
            columns={[
              { title: 'Наименование' },
              { title: 'На начало', width: 100, right: true },
              { title: 'Поступило', width: 100, right: true },
              { title: 'Распространено', width: 130, right: true },
              { title: 'Списано', width: 90, right: true },
              { title: 'Инвентаризация', width: 130, right: true },
              { title: 'На конец', width: 100, right: true },
            ]}
            empty={s && s.rows.length === 0 ? 'В этом периоде движений и остатков нет.' : null}
          >
            {(s ? [...s.rows.map((r) => ({ ...r, key: String(r.id) })), { ...s.totals, title: 'Итого', key: 'total' }] : []).map((r) => (
              <Table.Tr key={r.key} fw={r.key === 'total' ? 700 : undefined}>
                <Table.Td>{r.title}</Table.Td>
                {[r.start, r.received, r.distributed, r.writtenOff, r.stocktake, r.end].map((n, i) => (
                  <Table.Td key={i} style={numberCell}>
                    {signedNumber(n)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </ListTable>
          {s ? (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Groups title="По видам продукции" rows={s.byKind} />
              <Groups title="По муниципальным образованиям" rows={s.byMunicipality} />
              <Groups
                title="На мероприятиях"
                rows={s.byEvent.map((e) => ({ label: `${e.title}, ${eventDates(e)}`, copies: e.copies }))}
                none="На мероприятиях в этом периоде не выдавали."
              />
            </SimpleGrid>
          ) : null}
        </Stack>
      </Paper>
    </Stack>
  );
}
