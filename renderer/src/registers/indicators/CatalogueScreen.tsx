import { Anchor, Badge, Button, Checkbox, Paper, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { YEARLY_RULE_LABELS, YEARLY_RULES, type Indicator, type YearlyRule } from '@shared/contract/indicators';
import { useCall } from '@renderer/api/client';
import { ScreenHeader } from '@renderer/components/screen';
import { FormDialog, TextField, useContractForm } from '@renderer/components/form';

/**
 * The indicator catalogue: what each indicator counts in, its group and how it adds up over a
 * year. The indicators themselves are the editable list «Показатели мониторинга»: added, renamed,
 * ordered and archived in Настройки → Списки, like any list.
 */
export function CatalogueScreen() {
  const catalogue = useCall('indicators.catalogue', {});
  const [editing, setEditing] = useState<Indicator | null>(null);
  const indicators = catalogue.data ?? [];
  return (
    <Stack>
      <ScreenHeader
        title="Каталог показателей"
        description="Единица, группа и правило подсчёта за год. Добавить, переименовать, упорядочить или перевести показатель в архив можно в разделе «Настройки → Списки»."
        action={
          <Anchor component={Link} to="/settings/lists/indicators">
            Список показателей
          </Anchor>
        }
      />
      <Paper withBorder>
        <Table aria-label="Каталог показателей">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Показатель</Table.Th>
              <Table.Th>Группа</Table.Th>
              <Table.Th>Единица</Table.Th>
              <Table.Th>За год</Table.Th>
              <Table.Th>Проверка</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {indicators.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <Text size="sm" c={i.archived ? 'dimmed' : undefined}>
                    {i.name}{' '}
                    {i.archived ? (
                      <Badge variant="light" color="gray">
                        в архиве
                      </Badge>
                    ) : null}
                  </Text>
                </Table.Td>
                <Table.Td>{i.group}</Table.Td>
                <Table.Td>
                  {i.unit}
                  {i.whole ? '' : ' (дробные)'}
                </Table.Td>
                <Table.Td>
                  {YEARLY_RULE_LABELS[i.rule]}
                  {i.source ? (
                    <Text size="xs" c={i.source.missing ? 'red' : 'dimmed'}>
                      {i.source.missing ? 'источник не найден' : `«${i.source.register}»: ${i.source.label.toLowerCase()}`}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{i.atLeastName ? `не меньше, чем «${i.atLeastName}»` : ''}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    leftSection={<IconPencil size={14} />}
                    onClick={() => setEditing(i)}
                    aria-label={`Изменить: ${i.name}`}
                  >
                    Изменить
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {editing ? (
        <DescribeForm indicator={editing} others={indicators.filter((i) => i.id !== editing.id)} onClose={() => setEditing(null)} />
      ) : null}
    </Stack>
  );
}

function DescribeForm({ indicator, others, onClose }: { indicator: Indicator; others: Indicator[]; onClose: () => void }) {
  const sources = useCall('indicators.sources', {});
  const cf = useContractForm({
    call: 'indicators.describe',
    initialValues: {
      unit: indicator.unit,
      group: indicator.group,
      rule: indicator.rule as YearlyRule,
      whole: indicator.whole,
      atLeastId: indicator.atLeastId === null ? '' : String(indicator.atLeastId),
      source: indicator.source?.key ?? '',
    },
    toInput: (v) => ({
      id: indicator.id,
      unit: v.unit,
      group: v.group,
      rule: v.rule,
      whole: v.whole,
      role: indicator.role,
      atLeastId: v.rule === 'computed' || !v.atLeastId ? null : Number(v.atLeastId),
      source: v.rule === 'computed' && v.source ? v.source : null,
    }),
    success: 'Показатель сохранён',
    onSaved: onClose,
  });
  return (
    <FormDialog cf={cf} title={indicator.name} onClose={onClose} autofocus="unit">
      <TextField cf={cf} path="unit" label="Единица" description="После числа: «случаев», «детей», «посещений»" />
      <TextField cf={cf} path="group" label="Группа" />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Как складывается за год
        </Text>
        <SegmentedControl
          aria-label="Как складывается за год"
          data={YEARLY_RULES.map((r) => ({ value: r, label: YEARLY_RULE_LABELS[r] }))}
          {...cf.field('rule')}
        />
      </Stack>
      {cf.form.getValues().rule === 'computed' ? (
        <Select
          label="Из какого реестра"
          description="Значения не вводятся: они считаются по записям реестра за каждый квартал и год"
          data={(sources.data ?? []).map((s) => ({ value: s.key, label: `«${s.register}»: ${s.label}` }))}
          {...cf.field('source')}
        />
      ) : (
        <>
          <Checkbox label="Только целые числа (количество)" {...cf.field('whole', { type: 'checkbox' })} />
          <Select
            label="Не меньше, чем"
            description="Предупредить, если значение меньше значения другого показателя (дети в случаях — не меньше самих случаев)"
            clearable
            data={others.map((o) => ({ value: String(o.id), label: o.name }))}
            {...cf.field('atLeastId')}
          />
        </>
      )}
    </FormDialog>
  );
}
