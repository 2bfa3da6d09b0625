import { Button, Group, Menu, Paper, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { field, type NarrativePiece } from '@shared/narrative';

/**
 * A paragraph of text around live figures (shared/narrative) as it reads now, each figure in bold
 * and a figure that changed since the text was saved marked (orange, «Было: …» on hover); «Изменить»
 * (or «Проверить» where something changed) edits its text with the fields, and «Вставить …» adds a
 * field from the document's list. The annual report's paragraphs and a news item's use it alike.
 */
export function NarrativeParagraph({
  place,
  text,
  pieces,
  choices,
  insertLabel,
  description,
  saving,
  onSave,
  readOnly = false,
  badge,
}: {
  place: string;
  text: string;
  pieces: NarrativePiece[];
  /** The figures or facts a field may name, with how each reads now. */
  choices: { key: string; text: string }[];
  /** «Вставить число», «Вставить факт». */
  insertLabel: string;
  description: string;
  saving: boolean;
  /** Saves the text; `done` closes the editor once it is saved. */
  onSave: (text: string, done: () => void) => void;
  readOnly?: boolean;
  /** Beside the place: «изменён вами». */
  badge?: ReactNode;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const editing = draft !== null;
  const changed = pieces.some((p) => p.kind === 'figure' && p.changed);
  return (
    <Paper withBorder p="sm" aria-label={`Абзац: ${place}`}>
      <Group justify="space-between" mb={4}>
        <Group gap="xs">
          <Text size="sm" fw={600} c="dimmed">
            {place}
          </Text>
          {badge}
        </Group>
        {editing || readOnly ? null : (
          <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => setDraft(text)}>
            {changed ? 'Проверить' : 'Изменить'}
          </Button>
        )}
      </Group>
      {editing ? (
        <Stack gap="xs">
          <Textarea
            aria-label={`Текст абзаца: ${place}`}
            autosize
            minRows={3}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            description={description}
          />
          <Group gap="xs">
            <Menu position="bottom-start">
              <Menu.Target>
                <Button size="xs" variant="default" leftSection={<IconPlus size={14} />}>
                  {insertLabel}
                </Button>
              </Menu.Target>
              <Menu.Dropdown mah={320} style={{ overflowY: 'auto' }}>
                {choices.map((f) => (
                  <Menu.Item
                    key={f.key}
                    onClick={() => setDraft(`${draft}${draft.endsWith(' ') || draft === '' ? '' : ' '}${field(f.key)}`)}
                  >
                    {f.key}: {f.text}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            <Button size="xs" loading={saving} onClick={() => onSave(draft, () => setDraft(null))}>
              Сохранить
            </Button>
            <Button size="xs" variant="default" onClick={() => setDraft(null)}>
              Отмена
            </Button>
          </Group>
        </Stack>
      ) : pieces.length === 0 ? (
        <Text size="sm" c="dimmed">
          Абзац пуст и не печатается.
        </Text>
      ) : (
        <Text size="sm">
          {pieces.map((piece, i) =>
            piece.kind === 'text' ? (
              <span key={i}>{piece.text}</span>
            ) : piece.kind === 'unknown' ? (
              <Text key={i} span c="red">
                {piece.text}
              </Text>
            ) : piece.changed ? (
              <Tooltip key={i} label={piece.seen === null ? 'Новое поле: ещё не сохранено' : `Было: ${piece.seen}`}>
                <Text span fw={600} bg="orange.1" c="orange.9" data-changed-figure={piece.key}>
                  {piece.text}
                </Text>
              </Tooltip>
            ) : (
              <Text key={i} span fw={600} data-figure={piece.key}>
                {piece.text}
              </Text>
            ),
          )}
        </Text>
      )}
    </Paper>
  );
}

interface ParagraphShape {
  key: string;
  place: string;
  text: string;
  pieces: NarrativePiece[];
}

/**
 * The paragraphs of a text around live figures, one editor each, as the annual report and a news
 * item lay them out: the same list of figures or facts to insert, one save at a time.
 */
export function NarrativeParagraphs<P extends ParagraphShape>({
  paragraphs,
  badge,
  onSave,
  ...shared
}: {
  paragraphs: readonly P[];
  choices: { key: string; text: string }[];
  insertLabel: string;
  description: string;
  saving: boolean;
  readOnly?: boolean;
  /** Beside a paragraph's place: «изменён вами». */
  badge?: (paragraph: P) => ReactNode;
  onSave: (paragraph: P, text: string, done: () => void) => void;
}) {
  return paragraphs.map((p) => (
    <NarrativeParagraph
      key={p.key}
      place={p.place}
      text={p.text}
      pieces={p.pieces}
      {...shared}
      badge={badge?.(p)}
      onSave={(text, done) => onSave(p, text, done)}
    />
  ));
}
