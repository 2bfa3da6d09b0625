import { ActionIcon, Popover, Stack, Text, Textarea, TextInput, type TextareaProps, type TextInputProps } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendar } from '@tabler/icons-react';
import type { ClipboardEvent, KeyboardEvent, ReactNode } from 'react';
import { countOf, formatDate, readTypedDate } from '@shared/russian';
import type { FieldForm } from './useContractForm';

/**
 * The text and date fields of the form stack. Each takes the form and its path; the field
 * reads its value, error and limit from the form (the limit from the call's schema).
 */

interface FieldProps {
  cf: FieldForm;
  path: string;
  label?: ReactNode;
  description?: ReactNode;
}

const SYMBOLS = ['символ', 'символа', 'символов'] as const;

/**
 * What is left of a long field's limit, once she is near it (the last fifth, at least the last
 * 20 characters): «Осталось 37 символов», or how far over she is. Counted as the schema counts,
 * on the trimmed text.
 */
export function remainingNote(value: string, max: number | null): string | null {
  if (max === null) return null;
  const left = max - value.trim().length;
  if (left < 0) return `Длиннее допустимого на ${countOf(-left, SYMBOLS)} (не больше ${max})`;
  return left <= Math.max(20, Math.round(max * 0.2)) ? `Осталось ${countOf(left, SYMBOLS)}` : null;
}

function describe(description: ReactNode, note: string | null, over: boolean): ReactNode {
  if (!note) return description;
  const counter = (
    <Text span size="xs" c={over ? 'red' : 'dimmed'} data-counter>
      {note}
    </Text>
  );
  return description ? (
    <Stack gap={0} component="span">
      <span>{description}</span>
      {counter}
    </Stack>
  ) : (
    counter
  );
}

/** The counter's props for a field: the description with what is left near the limit. */
function useLimit(cf: FieldForm, path: string, description: ReactNode) {
  const value = String(cf.valueOf(path) ?? '');
  const max = cf.maxLength(path);
  const note = remainingNote(value, max);
  return describe(description, note, max !== null && value.trim().length > max);
}

/**
 * A one-line field. `long` gives it room to wrap (an organisation's full name, an agenda
 * question) but it stays one line of text: Enter saves like in any one-line field, and a pasted
 * line break becomes a space.
 */
export function TextField({
  cf,
  path,
  label,
  description,
  long = false,
  ...rest
}: FieldProps & { long?: boolean } & Omit<TextInputProps, 'label' | 'description' | 'value' | 'error'>) {
  const input = cf.field(path);
  const shown = useLimit(cf, path, description);
  if (!long) return <TextInput {...input} {...rest} label={label} description={shown} />;
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  };
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const text = event.clipboardData.getData('text/plain');
    if (!/[\r\n]/.test(text)) return;
    event.preventDefault();
    const target = event.currentTarget;
    const oneLine = text.replace(/\s*[\r\n]+\s*/g, ' ');
    const next = target.value.slice(0, target.selectionStart) + oneLine + target.value.slice(target.selectionEnd);
    cf.setValue(path, next);
  };
  return (
    <Textarea
      {...input}
      {...(rest as Omit<TextareaProps, 'label' | 'description'>)}
      label={label}
      description={shown}
      autosize
      minRows={1}
      onKeyDown={onKeyDown}
      onPaste={onPaste}
    />
  );
}

/** Text of several lines and paragraphs (СЛУШАЛИ, a decision), with its counter near the limit. */
export function LongTextField({
  cf,
  path,
  label,
  description,
  minRows = 2,
  ...rest
}: FieldProps & Omit<TextareaProps, 'label' | 'description' | 'value' | 'error'>) {
  const input = cf.field(path);
  const shown = useLimit(cf, path, description);
  return <Textarea {...input} {...rest} label={label} description={shown} autosize minRows={minRows} />;
}

/**
 * A date typed as ДД.ММ.ГГГГ (also 1.9.2017, 01.09.17, 01092017), read by the shared Russian
 * rule. What she typed stays in the field: a day the calendar does not have (31.02.2021) is
 * marked «Такой даты не существует» as she leaves the field, never erased. The calendar opens
 * only from its button and closes on choosing, so it never covers the next fields while she types.
 */
export function DateField({
  cf,
  path,
  label,
  description,
  defaultDate,
  ...rest
}: FieldProps & { defaultDate?: string } & Omit<TextInputProps, 'label' | 'description' | 'value' | 'error'>) {
  const input = cf.field(path);
  const [opened, calendar] = useDisclosure(false);
  const text = String(input.value ?? '');
  const read = readTypedDate(text);
  const iso = read.kind === 'date' ? read.iso : null;
  const set = (value: string) => cf.setValue(path, value);
  const onBlur = () => {
    // «1.9.17» is shown as 01.09.2017; what is not a date stays as typed, with its message.
    if (read.kind === 'date' || read.kind === 'impossible') {
      if (read.text !== text) set(read.text);
    }
    if (read.kind !== 'empty') cf.validateField(path);
  };
  return (
    <Popover opened={opened} onChange={(o) => (o ? calendar.open() : calendar.close())} position="bottom-end" withinPortal trapFocus>
      <Popover.Target>
        <TextInput
          placeholder="ДД.ММ.ГГГГ"
          {...input}
          {...rest}
          label={label}
          description={description}
          inputMode="numeric"
          autoComplete="off"
          onBlur={onBlur}
          rightSection={
            <ActionIcon
              variant="subtle"
              color="gray"
              tabIndex={-1}
              disabled={rest.disabled}
              aria-label={typeof label === 'string' ? `Календарь: ${label}` : 'Календарь'}
              onClick={calendar.toggle}
            >
              <IconCalendar size={16} />
            </ActionIcon>
          }
        />
      </Popover.Target>
      <Popover.Dropdown>
        <DatePicker
          value={iso}
          defaultDate={iso ?? defaultDate}
          onChange={(value) => {
            if (value) set(formatDate(value));
            calendar.close();
          }}
        />
      </Popover.Dropdown>
    </Popover>
  );
}
