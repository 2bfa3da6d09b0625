import { schemaResolver, useForm, type FormErrors, type GetInputPropsReturnType, type UseFormReturnType } from '@mantine/form';
import { useEffect, useMemo, useState } from 'react';
import { contract, type CallInput, type CallName, type CallOutput } from '@shared/contract';
import { ApiError, useChange } from '@renderer/api/client';
import { draftStore, useDraftKey, type DraftStore, type StoredDraft } from './drafts';
import { getPath, mapErrors, maxLengthAt, withoutDataPrefix } from './schema';

/**
 * One form stack for every form of the application, on `@mantine/form`.
 *
 * - The form's values are whatever suits its inputs (a date as typed, a number field's '');
 *   `toInput` maps them to the call's input, and the call's own zod schema from the contract
 *   validates that input in the window before anything is sent — the same schema, and so the
 *   same Russian messages, the main process checks it with.
 * - An error is shown under the field whose path it names (`fieldOf` maps an input path to a
 *   form path; by default an update call's `data.` is dropped); an error no field shows, and a
 *   refusal of the call, appear at the top of the form (FormFrame).
 * - The server's field errors (`ApiError.fields`) come back under the same fields.
 * - With `draftKey`, what is typed is kept in localStorage until it is saved.
 */
export interface ContractFormOptions<V extends object, K extends CallName> {
  /** The call the form saves with; its input schema validates the form. */
  call: K;
  initialValues: V;
  toInput: (values: V) => CallInput<K>;
  /**
   * Checks the schema cannot make because the call accepts what the form does not (the form
   * asks for a person's gender; the call takes none when the patronymic tells it).
   */
  check?: (values: V) => Record<string, string>;
  /** The form path an input path's error is shown at; default: without `data.`. */
  fieldOf?: (inputPath: string, values: V) => string;
  /** The notification after a successful save. */
  success?: string;
  onSaved?: (output: CallOutput<K>, values: V) => void;
  /** Sends the input instead of the plain call (e.g. after asking, or several calls). */
  send?: (input: CallInput<K>) => Promise<CallOutput<K>>;
  /** The record whose typed text is kept as a local draft until saved, e.g. `agenda:12:new`. */
  draftRecord?: string | null;
}

/** Thrown by `send` when she answered «no» to a question before the call: nothing happens, nothing is said. */
export class Declined extends Error {
  constructor() {
    super('declined');
  }
}

export interface Refusal {
  title: string;
  message: string;
}

/** What a frame or a dialog needs of a form, whatever its values and call. */
export interface FrameForm {
  form: { errors: FormErrors };
  submit(): Promise<boolean>;
  saving: boolean;
  /** Has changes, as of the last render. */
  dirty: boolean;
  /** Has changes, now. */
  isDirty(): boolean;
  refusal: Refusal | null;
  /** A local draft was put back into the form when it opened (its time, ISO). */
  restoredDraft: string | null;
  /** Puts the record's own values back and forgets the draft. */
  discardDraft: () => void;
  /** Forgets the local draft (closing without saving). */
  forgetDraft: () => void;
  /** Asks the frame to focus the first field with an error (bumped after a failed submit). */
  failedSubmits: number;
}

/** Mantine's props for an input; the value is whatever the form holds at the path (the library types it loosely). */
export type InputProps = GetInputPropsReturnType & { value: GetInputPropsReturnType['value']; 'data-path'?: string };

/** What a field needs of its form, by path, whatever the form's values. */
export interface FieldForm {
  /** Mantine's input props for a field, with its `data-path` (see FormFrame). */
  field(path: string, options?: { type?: 'input' | 'checkbox' }): InputProps;
  /** The longest text the call accepts at a form path, from the schema. */
  maxLength(path: string): number | null;
  valueOf(path: string): unknown;
  setValue(path: string, value: unknown): void;
  validateField(path: string): void;
}

export interface ContractForm<V extends object, K extends CallName = CallName> extends FrameForm, FieldForm {
  form: UseFormReturnType<V>;
  /** Makes `values` the form's own (after a save on a page, or to start again empty): no changes, no draft. */
  reinitialize(values: V): void;
  /** Validates and saves; `after` runs once the save succeeded. */
  submit(after?: (output: CallOutput<K>) => void): Promise<boolean>;
}

export function useContractForm<V extends object, K extends CallName>(options: ContractFormOptions<V, K>): ContractForm<V, K> {
  const { call, toInput } = options;
  const schema = contract[call].input;
  const resolve = useMemo(() => schemaResolver(schema, { sync: true }), [schema]);
  const fieldOf = (path: string, values: V) => (options.fieldOf ?? withoutDataPrefix)(path, values);
  const validate = (values: V) => ({
    ...options.check?.(values),
    ...mapErrors(resolve(toInput(values)), (path) => fieldOf(path, values)),
  });

  // The key of the record's draft is known when the form opens (the window has the app's status
  // before any screen), so the store and a draft left from before are read once, then.
  const key = useDraftKey(options.draftRecord);
  const [store] = useState<DraftStore<V> | null>(() => (key ? draftStore<V>(key) : null));
  const [restored, setRestored] = useState<StoredDraft<V> | null>(() => store?.read() ?? null);

  const form = useForm<V>({
    mode: 'controlled',
    initialValues: options.initialValues,
    validate,
    onValuesChange: (values) => {
      if (!store) return;
      // Written at every change: a crash loses at most the last keystroke.
      if (form.isDirty()) store.write(values);
      else store.clear();
    },
  });

  useEffect(() => {
    // The draft goes into the form over the record's own values, so the form has changes and asks before closing.
    if (restored) form.setValues(restored.values);
    // Once, when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const change = useChange(call, { success: options.success, notifyErrors: false });
  const [sending, setSending] = useState(false);

  const submit = async (after?: (output: CallOutput<K>) => void): Promise<boolean> => {
    setRefusal(null);
    const checked = form.validate();
    if (checked.hasErrors) {
      setFailedSubmits((n) => n + 1);
      return false;
    }
    const values = form.getValues();
    const input = toInput(values);
    setSending(true);
    try {
      const output = options.send ? await options.send(input) : await change.mutateAsync(input);
      store?.clear();
      form.resetDirty(values);
      setRestored(null);
      options.onSaved?.(output, values);
      after?.(output);
      return true;
    } catch (error) {
      if (error instanceof Declined) return false;
      if (error instanceof ApiError) {
        form.setErrors(mapErrors(error.fields, (path) => fieldOf(path, values)));
        setRefusal({ title: contract[call].refusal, message: error.message });
      } else {
        setRefusal({ title: contract[call].refusal, message: error instanceof Error ? error.message : String(error) });
      }
      setFailedSubmits((n) => n + 1);
      return false;
    } finally {
      setSending(false);
    }
  };

  return {
    form,
    field: (path, fieldOptions) => form.getInputProps(path as never, fieldOptions) as InputProps,
    maxLength: (path) => maxLengthAt(schema, path),
    valueOf: (path) => getPath(path, form.getValues()),
    setValue: (path, value) => form.setFieldValue(path as never, value as never),
    validateField: (path) => void form.validateField(path as never),
    submit,
    saving: sending,
    dirty: form.isDirty(),
    isDirty: () => form.isDirty(),
    refusal,
    restoredDraft: restored?.at ?? null,
    discardDraft: () => {
      store?.clear();
      form.reset();
      setRestored(null);
    },
    forgetDraft: () => store?.clear(),
    reinitialize: (values) => {
      form.setInitialValues(values);
      form.setValues(values);
      form.resetDirty(values);
      store?.clear();
    },
    failedSubmits,
  };
}
