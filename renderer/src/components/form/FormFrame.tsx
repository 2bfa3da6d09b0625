import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRestore } from '@tabler/icons-react';
import { useEffect, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { formatStampTime } from '@shared/russian';
import type { FrameForm } from './useContractForm';

/**
 * The `<form>` of every form, in a dialog or on a page:
 * - Ctrl+Enter saves from any field (Enter in a one-line field too, as a browser does);
 * - errors the form shows under no field, and a refusal of the call, are listed at its top —
 *   a field shows its error when an element with its `data-path` is in the form
 *   (`getInputProps` sets it);
 * - after a failed save the first field with an error gets the focus;
 * - a draft put back from this computer is said so, with a way back to the saved record.
 */

/** An input, a textarea or a button inside the element marked with a field's path. */
function focusableOf(element: Element | null): HTMLElement | null {
  if (!element) return null;
  if (element.matches('input:not([type=hidden]), textarea, button, [tabindex]')) return element as HTMLElement;
  return element.querySelector<HTMLElement>('input:not([type=hidden]), textarea, button');
}

const fieldSelector = (path: string) => `[data-path="${CSS.escape(path)}"]`;

/** The field elements of a form in the order they are on the screen. */
const fieldsOf = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('[data-path]')];

/**
 * Marks the field the dialog's focus trap starts on: the one named, or the first enabled field
 * (never the ✕ in the header, where Mantine's trap would start otherwise).
 */
export function useInitialFocus(root: React.RefObject<HTMLElement | null>, path: string | true | undefined) {
  useLayoutEffect(() => {
    const el = root.current;
    if (!el || !path) return;
    const target =
      (typeof path === 'string' ? focusableOf(el.querySelector(fieldSelector(path))) : null) ??
      fieldsOf(el)
        .map(focusableOf)
        .find((f) => f && !f.hasAttribute('disabled') && f.tabIndex !== -1) ??
      null;
    target?.setAttribute('data-autofocus', 'true');
    // Only when the form opens: afterwards focus is hers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

export function FormFrame({
  cf,
  children,
  actions,
  autofocus,
}: {
  cf: FrameForm;
  children: ReactNode;
  /** The buttons under the fields. */
  actions?: ReactNode;
  /** In a dialog: the field to start on (true: the first). */
  autofocus?: string | true;
}) {
  const ref = useRef<HTMLFormElement>(null);
  const errors = cf.form.errors;
  const [unshown, setUnshown] = useState<string[]>([]);
  // The refusal's sentence is said under its field already (the server's own field message).
  const [refusalUnderField, setRefusalUnderField] = useState(false);
  useInitialFocus(ref, autofocus);

  // Which errors no field on the screen carries: looked up after every render, since a field
  // may appear or go (a term's date shown only for «Дата») while the errors stay the same.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    const entries = Object.entries(errors).map(([path, message]) => [path, String(message)] as const);
    const missing = entries.filter(([path]) => !root.querySelector(fieldSelector(path))).map(([, message]) => message);
    setUnshown((before) => (before.join('\n') === missing.join('\n') ? before : missing));
    setRefusalUnderField(entries.some(([path, message]) => message === cf.refusal?.message && root.querySelector(fieldSelector(path))));
  });

  useEffect(() => {
    const root = ref.current;
    if (!root || cf.failedSubmits === 0) return;
    const first = fieldsOf(root).find((el) => Object.hasOwn(cf.form.errors, el.dataset.path ?? ''));
    focusableOf(first ?? null)?.focus();
    // Only after a save that failed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cf.failedSubmits]);

  // A form in a dialog sits inside another form's React tree (the page behind it): its events
  // would reach that form's handlers through the portal, so each form handles only its own.
  const own = (target: EventTarget) => ref.current !== null && target instanceof Node && ref.current.contains(target);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (event.target === ref.current) void cf.submit();
  };
  const onKeyDownCapture = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || !own(event.target)) return;
    event.preventDefault();
    event.stopPropagation();
    void cf.submit();
  };

  const refusal = cf.refusal && !refusalUnderField ? cf.refusal : null;
  const showTop = refusal !== null || unshown.length > 0;
  return (
    <form ref={ref} noValidate onSubmit={onSubmit} onKeyDownCapture={onKeyDownCapture}>
      <Stack>
        {cf.restoredDraft ? (
          <Alert color="blue" variant="light" icon={<IconRestore size={18} />} title="Восстановлен несохранённый текст">
            <Group justify="space-between" gap="xs">
              <Text size="sm">
                Введённое в {formatStampTime(cf.restoredDraft)} не было сохранено и возвращено в форму. Проверьте и сохраните.
              </Text>
              <Button size="compact-sm" variant="subtle" onClick={cf.discardDraft}>
                Вернуть сохранённое
              </Button>
            </Group>
          </Alert>
        ) : null}
        {showTop ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title={cf.refusal?.title ?? 'Проверьте форму'}
            role="alert"
          >
            {cf.refusal ? <Text size="sm">{cf.refusal.message}</Text> : null}
            {unshown.length ? (
              <List size="sm" mt={cf.refusal ? 4 : 0}>
                {unshown
                  .filter((m) => m !== cf.refusal?.message)
                  .map((message) => (
                    <List.Item key={message}>{message}</List.Item>
                  ))}
              </List>
            ) : null}
          </Alert>
        ) : null}
        {children}
        {actions}
      </Stack>
    </form>
  );
}

/** The save button of a page form: the frame's submit. */
export function SaveButton({ cf, label = 'Сохранить', disabled }: { cf: FrameForm; label?: string; disabled?: boolean }) {
  return (
    <Button type="submit" loading={cf.saving} disabled={disabled}>
      {label}
    </Button>
  );
}
