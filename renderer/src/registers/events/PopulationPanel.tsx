import { Button, Group, NumberInput, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { EventDetail } from '@shared/contract/events';
import { formatDate } from '@shared/russian';
import { useCall, useChange } from '@renderer/api/client';

/**
 * An event for the population: how many came to each session, by category, and a programme's
 * totals at its end — numbers only, never names (the product keeps no records about families).
 */
export function PopulationPanel({ e }: { e: EventDetail }) {
  const categories = useCall('lists.get', { list: 'audienceCategories' });
  const save = useChange('counts.set', { success: 'Посещаемость сохранена' });
  const totals = useChange('events.setPopulationTotals', { success: 'Итоги программы сохранены' });
  const initial = () => Object.fromEntries(e.counts.map((c) => [`${c.sessionId}:${c.categoryId}`, c.present]));
  const [grid, setGrid] = useState<Record<string, number>>(initial);
  const [registered, setRegistered] = useState<number | ''>(e.populationRegistered ?? '');
  const [completed, setCompleted] = useState<number | ''>(e.populationCompleted ?? '');
  const values = (categories.data?.values ?? []).filter((v) => !v.archived || e.counts.some((c) => c.categoryId === v.id));
  return (
    <Stack>
      <Paper withBorder>
        <Table aria-label="Посещаемость по категориям">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={130}>Занятие</Table.Th>
              {values.map((v) => (
                <Table.Th key={v.id}>{v.value}</Table.Th>
              ))}
              <Table.Th w={130} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {e.sessions.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{formatDate(s.day)}</Table.Td>
                {values.map((v) => (
                  <Table.Td key={v.id}>
                    <NumberInput
                      size="xs"
                      min={0}
                      max={100000}
                      allowDecimal={false}
                      aria-label={`${formatDate(s.day)}: ${v.value}`}
                      value={grid[`${s.id}:${v.id}`] ?? ''}
                      onChange={(n) => setGrid((g) => ({ ...g, [`${s.id}:${v.id}`]: typeof n === 'number' ? n : 0 }))}
                    />
                  </Table.Td>
                ))}
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() =>
                      save.mutate({
                        sessionId: s.id,
                        counts: values.map((v) => ({ categoryId: v.id, present: grid[`${s.id}:${v.id}`] ?? 0 })),
                      })
                    }
                  >
                    Сохранить
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Text size="sm" c="dimmed">
        Для программы (школы приёмных родителей, курса клуба) в конце укажите, сколько было зарегистрировано и сколько завершили обучение.
      </Text>
      <Group align="flex-end">
        <NumberInput
          label="Зарегистрировано"
          min={0}
          allowDecimal={false}
          w={180}
          value={registered}
          onChange={(n) => setRegistered(typeof n === 'number' ? n : '')}
        />
        <NumberInput
          label="Завершили обучение"
          min={0}
          allowDecimal={false}
          w={180}
          value={completed}
          onChange={(n) => setCompleted(typeof n === 'number' ? n : '')}
        />
        <Button
          variant="light"
          onClick={() =>
            totals.mutate({ id: e.id, registered: registered === '' ? null : registered, completed: completed === '' ? null : completed })
          }
        >
          Сохранить итоги
        </Button>
      </Group>
    </Stack>
  );
}
