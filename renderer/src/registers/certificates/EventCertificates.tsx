import { Alert, Button, Checkbox, Group, Menu, Modal, Radio, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconCertificate, IconChevronDown } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { CertificateCandidate, CertificateCandidates } from '@shared/contract/certificates';
import type { EventDetail } from '@shared/contract/events';
import { GENDER_LABELS, GENDERS, agree, countOf, type Gender } from '@shared/russian';
import { callApi, useCall } from '@renderer/api/client';
import { inElectronWindow } from '@renderer/api/transport';
import { FormDialog, useContractForm } from '@renderer/components/form';
import { useDocument } from '@renderer/components/useDocument';

/**
 * The event card's certificates: issue them to everyone who completed the event by its rule
 * (those who did not are listed with why, and cannot be ticked), download or print the ones issued.
 */
export function EventCertificates({ e }: { e: EventDetail }) {
  const candidates = useCall('certificates.candidates', { eventId: e.id });
  const [issuing, setIssuing] = useState(false);
  const { busy, download } = useDocument();
  const navigate = useNavigate();
  const issued = (candidates.data?.candidates ?? []).filter((c) => c.state === 'issued');
  const ids = async () =>
    (await callApi('certificates.list', { eventId: e.id, limit: 1000, sort: 'name' })).rows
      .filter((r) => r.status === 'valid')
      .map((r) => r.id);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="light"
            leftSection={<IconCertificate size={16} />}
            rightSection={<IconChevronDown size={14} />}
            loading={busy !== null}
          >
            Сертификаты{issued.length > 0 ? ` (${issued.length})` : ''}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setIssuing(true)}>Выдать сертификаты завершившим…</Menu.Item>
          <Menu.Item
            disabled={issued.length === 0}
            onClick={() => void download('docx', async () => callApi('certificates.docx', { ids: await ids() }))}
          >
            Выданные сертификаты (Word)
          </Menu.Item>
          <Menu.Item
            disabled={issued.length === 0}
            onClick={() => void ids().then((list) => navigate(`/certificates/print?ids=${list.join(',')}&back=/events/list/${e.id}`))}
          >
            Выданные сертификаты — печать, PDF
          </Menu.Item>
          {inElectronWindow() ? (
            <Menu.Item
              disabled={issued.length === 0}
              onClick={() => void download('pdf', async () => callApi('certificates.pdf', { ids: await ids() }))}
            >
              Выданные сертификаты (PDF)
            </Menu.Item>
          ) : null}
        </Menu.Dropdown>
      </Menu>
      {issuing && candidates.data ? (
        candidates.data.refusal ? (
          <Modal opened onClose={() => setIssuing(false)} title="Сертификаты участника" closeButtonProps={{ 'aria-label': 'Закрыть' }}>
            <Stack>
              <Alert color="yellow">{candidates.data.refusal}</Alert>
              <Group justify="flex-end">
                <Button onClick={() => setIssuing(false)}>Понятно</Button>
              </Group>
            </Stack>
          </Modal>
        ) : (
          <IssueDialog
            data={candidates.data}
            onClose={() => setIssuing(false)}
            onIssued={(newIds) => void download('docx', () => callApi('certificates.docx', { ids: newIds }))}
          />
        )
      ) : null}
    </>
  );
}

interface Values {
  chosen: number[];
  /** By person id: asked only where the registry has no gender. */
  genders: Record<string, Gender | null>;
}

function IssueDialog({ data, onClose, onIssued }: { data: CertificateCandidates; onClose: () => void; onIssued: (ids: number[]) => void }) {
  const eligible = data.candidates.filter((c) => c.state === 'eligible');
  const cf = useContractForm({
    call: 'certificates.issue',
    initialValues: {
      chosen: eligible.map((c) => c.participantId),
      genders: Object.fromEntries(eligible.filter((c) => c.gender === null).map((c) => [String(c.personId), null])),
    } satisfies Values as Values,
    toInput: (v: Values) => ({
      eventId: data.eventId,
      participantIds: v.chosen,
      genders: Object.fromEntries(
        Object.entries(v.genders).filter((entry): entry is [string, Gender] => {
          const chosen = eligible.find((c) => String(c.personId) === entry[0]);
          return entry[1] !== null && chosen !== undefined && v.chosen.includes(chosen.participantId);
        }),
      ),
    }),
    // The name is declined by the gender: never guessed where the registry has none.
    check: (v) =>
      Object.fromEntries(
        eligible
          .filter((c) => c.gender === null && v.chosen.includes(c.participantId) && !v.genders[String(c.personId)])
          .map((c) => [`genders.${c.personId}`, 'Укажите пол, чтобы правильно просклонять имя']),
      ),
    onSaved: (result) => {
      onClose();
      if (result.issued.length > 0) onIssued(result.issued.map((c) => c.id));
    },
    success: 'Сертификаты выданы',
  });
  const { chosen } = cf.form.getValues();
  const toggle = (c: CertificateCandidate, on: boolean) =>
    cf.form.setFieldValue('chosen', on ? [...chosen, c.participantId] : chosen.filter((id) => id !== c.participantId));
  return (
    <FormDialog
      cf={cf}
      title={`Сертификаты участника — ${data.title}`}
      onClose={onClose}
      size="xl"
      submitLabel={chosen.length > 0 ? `Выдать: ${countOf(chosen.length, ['сертификат', 'сертификата', 'сертификатов'])}` : 'Выдать'}
    >
      <Stack gap="xs">
        <Text size="sm">
          Сертификат выдаётся тем, кто завершил обучение по правилу мероприятия. Номера — по порядку этого года, в алфавитном порядке имён;
          после выдачи скачается файл Word, страница на каждый сертификат.
        </Text>
        {eligible.length === 0 ? <Alert color="gray">Выдать некому: все завершившие уже получили сертификаты.</Alert> : null}
        <ScrollArea.Autosize mah={420}>
          <Table verticalSpacing={4} aria-label="Участники">
            <Table.Tbody>
              {data.candidates.map((c) => (
                <Table.Tr
                  key={c.participantId}
                  data-testid="certificate-candidate"
                  style={c.state === 'notCompleted' ? { opacity: 0.6 } : undefined}
                >
                  <Table.Td w={36}>
                    <Checkbox
                      aria-label={c.fullName}
                      disabled={c.state !== 'eligible'}
                      checked={c.state === 'eligible' && chosen.includes(c.participantId)}
                      onChange={(ev) => toggle(c, ev.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.fullName}</Text>
                    {c.organizationName ? (
                      <Text size="xs" c="dimmed">
                        {c.organizationName}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {c.state === 'eligible' && c.gender === null ? (
                      <Radio.Group label="Пол" size="xs" {...cf.field(`genders.${c.personId}`)}>
                        <Group gap="sm" mt={2}>
                          {GENDERS.map((g) => (
                            <Radio key={g} value={g} label={GENDER_LABELS[g]} />
                          ))}
                        </Group>
                      </Radio.Group>
                    ) : (
                      <Text size="sm" c={c.state === 'notCompleted' ? 'red.8' : c.state === 'issued' ? 'green.8' : undefined}>
                        {c.state === 'eligible'
                          ? `${agree(c.gender, 'завершил', 'завершила')} обучение`
                          : c.state === 'issued'
                            ? c.reason
                            : `не выдаётся: ${c.reason}`}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Stack>
    </FormDialog>
  );
}
