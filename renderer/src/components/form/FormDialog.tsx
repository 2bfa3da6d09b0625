import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { FormFrame } from './FormFrame';
import type { FrameForm } from './useContractForm';

/**
 * The one modal every form dialog is: a dialog with changes asks before it closes, whether by
 * Esc, a click outside, ✕ or «Отмена»; Ctrl+Enter saves; the focus starts on the first field.
 */
export function FormDialog({
  cf,
  title,
  onClose,
  size,
  submitLabel = 'Сохранить',
  actions,
  autofocus = true,
  children,
}: {
  cf: FrameForm;
  title: string;
  /** Closes the dialog; called after saving by the form's own `onSaved`, here only for leaving. */
  onClose: () => void;
  size?: string;
  submitLabel?: string;
  /** More buttons before «Сохранить», e.g. «Сохранить и следующий». */
  actions?: ReactNode;
  /** The field to start on; default the first. */
  autofocus?: string | true;
  children: ReactNode;
}) {
  const [asking, setAsking] = useState(false);
  // Esc is the dialog's: it asks, and while the question is open it goes back to the form. The
  // question does not take Esc itself — both would see the same keystroke, and the question,
  // opened by it, would close at once.
  const requestClose = () => {
    if (asking) setAsking(false);
    else if (cf.isDirty()) setAsking(true);
    else onClose();
  };
  const discard = () => {
    cf.forgetDraft();
    setAsking(false);
    onClose();
  };
  return (
    <Modal opened onClose={requestClose} title={title} size={size} closeButtonProps={{ 'aria-label': 'Закрыть' }}>
      <FormFrame
        cf={cf}
        autofocus={autofocus}
        actions={
          <Group justify="flex-end">
            <Button variant="default" onClick={requestClose}>
              Отмена
            </Button>
            {actions}
            <Button type="submit" loading={cf.saving}>
              {submitLabel}
            </Button>
          </Group>
        }
      >
        {children}
      </FormFrame>
      <Modal
        opened={asking}
        onClose={() => setAsking(false)}
        title="Закрыть без сохранения?"
        size="sm"
        centered
        zIndex={400}
        withCloseButton={false}
        closeOnEscape={false}
      >
        <Stack>
          <Text size="sm">Изменения в форме «{title}» не сохранены и будут потеряны.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)} data-autofocus>
              Вернуться к форме
            </Button>
            <Button color="red" onClick={discard}>
              Закрыть без сохранения
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Modal>
  );
}
