import {
  CheckIcon,
  CloseButton,
  Combobox,
  Group,
  InputBase,
  Pill,
  PillsInput,
  Stack,
  Text,
  useCombobox,
  type ComboboxParsedItem,
  type OptionsFilter,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { Option } from '@shared/contract/registry';
import { useCall } from '@renderer/api/client';
import { matchesWords } from '@shared/russian';
import { SEARCH_DEBOUNCE_MS } from './useListState';

/**
 * Pickers of people and organisations for any form. The registry may hold tens of thousands
 * of people, so options come from the server as the user types (the lists' own case- and
 * ё-insensitive search), and the labels of the current value come by id. Built on Mantine's
 * Combobox rather than Select/MultiSelect, whose choices toggle: there a click on a chosen
 * entry, ↓ Enter or Backspace took it away again. Here
 * - an entry is removed only by its visible ✕ (a pill's, or the single picker's clear button);
 * - a multiple picker hides the chosen entries from its list, a single picker ticks its one;
 * - Enter takes the first match — once the answer for what was typed has arrived, so a quick
 *   «поп» Enter never takes the first match of a query typed before;
 * - suggestions (a group's members, a plan item's responsible people) come first.
 */

type Kind = 'people' | 'organizations';

const OPTIONS_CALL = { people: 'people.options', organizations: 'organizations.options' } as const;
const BY_IDS_CALL = { people: 'people.optionsByIds', organizations: 'organizations.optionsByIds' } as const;
const NOTHING_FOUND = { people: 'Специалисты не найдены', organizations: 'Организации не найдены' } as const;
const SEARCH_HINT = 'Начните вводить для поиска';

function useLabels(kind: Kind, ids: number[]) {
  const known = useCall(BY_IDS_CALL[kind], { ids }, { enabled: ids.length > 0, placeholderData: keepPreviousData });
  return useMemo(() => new Map((ids.length > 0 ? (known.data ?? []) : []).map((o) => [o.id, o])), [ids.length, known.data]);
}

/**
 * The options for what is typed: matching suggestions first, then the registry's matches.
 * `fresh` says the registry's part answers the current text (not the text before).
 */
function useOptions(kind: Kind, query: string, suggestions: readonly Option[]) {
  const [debounced] = useDebouncedValue(query, SEARCH_DEBOUNCE_MS);
  const found = useCall(OPTIONS_CALL[kind], { search: debounced, limit: 30 }, { placeholderData: keepPreviousData });
  const suggested = useMemo(() => suggestions.filter((o) => matchesWords(o.label, query)), [suggestions, query]);
  const options = useMemo(() => {
    const byId = new Map<number, Option>();
    for (const o of suggested) byId.set(o.id, o);
    for (const o of found.data ?? []) if (!byId.has(o.id)) byId.set(o.id, o);
    return [...byId.values()];
  }, [suggested, found.data]);
  const fresh = debounced === query && !found.isPlaceholderData && !found.isFetching && found.data !== undefined;
  return { options, suggestedCount: suggested.length, fresh };
}

/**
 * The text of a single picker's input: what she types over the label of what is chosen. While
 * she has not typed (or typed the label back), the input shows the label and the list starts
 * from the top; `ready` says Enter may take the first option (see usePickerKeys).
 */
function useSingleSearch(kind: Kind, shown: string, suggestions: readonly Option[]) {
  const [search, setSearch] = useState<string | null>(null);
  const typed = search ?? shown;
  const query = search === null || search === shown ? '' : search;
  const { options, suggestedCount, fresh } = useOptions(kind, query, suggestions);
  const ready = fresh || (query !== '' && suggestedCount > 0);
  return { search, setSearch, typed, query, options, suggestedCount, ready };
}

function OptionBody({ option, chosen }: { option: Option; chosen?: boolean }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      {chosen ? <CheckIcon size={12} style={{ marginTop: 5, flex: 'none' }} /> : null}
      <Stack gap={0}>
        <Text size="sm">{option.label}</Text>
        {option.description ? (
          <Text size="xs" c="dimmed">
            {option.description}
          </Text>
        ) : null}
      </Stack>
    </Group>
  );
}

/** The list under a picker: suggestions and registry matches, or why there are none. */
function OptionList({
  options,
  suggestedCount,
  chosenId,
  kind,
  extra,
}: {
  options: Option[];
  suggestedCount: number;
  chosenId?: number | null;
  kind: Kind;
  extra?: ReactNode;
}) {
  const item = (o: Option) => (
    <Combobox.Option value={String(o.id)} key={o.id} active={o.id === chosenId}>
      <OptionBody option={o} chosen={o.id === chosenId} />
    </Combobox.Option>
  );
  return (
    <Combobox.Options mah={320} style={{ overflowY: 'auto' }}>
      {suggestedCount > 0 ? (
        <>
          <Combobox.Group label="Предлагаемые">{options.slice(0, suggestedCount).map(item)}</Combobox.Group>
          {options.length > suggestedCount ? (
            <Combobox.Group label="Из реестра">{options.slice(suggestedCount).map(item)}</Combobox.Group>
          ) : null}
        </>
      ) : (
        options.map(item)
      )}
      {extra}
      {options.length === 0 && !extra ? <Combobox.Empty>{NOTHING_FOUND[kind]}</Combobox.Empty> : null}
    </Combobox.Options>
  );
}

/**
 * The keys of a picker, handled here rather than by Combobox's own navigation so that Enter
 * takes the first match of what was typed — once the answer for that text has arrived: an Enter
 * pressed before it is remembered and done when it comes, so a quick «поп» Enter never takes the
 * first match of the text typed before. ↑ ↓ move through the list, Esc closes it. Enter never
 * submits the form from a picker (Ctrl+Enter does, see FormFrame).
 */
function usePickerKeys(combobox: ReturnType<typeof useCombobox>, search: string, ready: boolean, optionsKey: string) {
  const pending = useRef(false);
  const take = () => {
    if (combobox.getSelectedOptionIndex() === -1) combobox.selectFirstOption();
    combobox.clickSelectedOption();
  };
  useEffect(() => {
    if (!combobox.dropdownOpened || search.trim() === '') return;
    combobox.selectFirstOption();
    if (pending.current && ready) {
      pending.current = false;
      take();
    }
    // The options' ids say when the list changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [optionsKey, ready, search, combobox.dropdownOpened]);
  return (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!combobox.dropdownOpened) combobox.openDropdown('keyboard');
      else if (event.key === 'ArrowDown') combobox.selectNextOption();
      else combobox.selectPreviousOption();
    } else if (event.key === 'Escape') {
      combobox.closeDropdown('keyboard');
    } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      if (!combobox.dropdownOpened) {
        combobox.openDropdown('keyboard');
      } else if (search.trim() !== '' && !ready) {
        pending.current = true;
        combobox.resetSelectedOption();
      } else if (search.trim() !== '' || combobox.getSelectedOptionIndex() !== -1) {
        take();
      }
    }
  };
}

/** The one way to unpick a single picker's entry: its visible ✕, off the Tab path, never taking the focus. */
function ClearButton({ label, onClear }: { label?: string; onClear: () => void }) {
  return (
    <CloseButton
      size="sm"
      tabIndex={-1}
      aria-label={label ? `Очистить: ${label}` : 'Очистить'}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClear}
    />
  );
}

/**
 * A single picker's input: the field's own props passed on, and what she types is the search,
 * with the list opening.
 */
function singleInputProps(
  props: CommonProps,
  combobox: ReturnType<typeof useCombobox>,
  input: {
    setSearch: (text: string) => void;
    /** What leaving the field does with the text typed. */
    leave: () => void;
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
    /** Whether the list opens as the field gets the focus (a speaker's suggestions do). */
    openOnFocus: boolean;
  },
) {
  return {
    label: props.label,
    description: props.description,
    error: props.error,
    disabled: props.disabled,
    'aria-label': props['aria-label'],
    'data-path': props['data-path'],
    tabIndex: props.tabIndex,
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      input.setSearch(e.currentTarget.value);
      combobox.openDropdown();
    },
    onClick: () => combobox.openDropdown(),
    onFocus: (e: FocusEvent<HTMLInputElement>) => {
      // The chosen name selected: what she types replaces it as the search.
      e.currentTarget.select();
      if (input.openOnFocus) combobox.openDropdown();
      props.onFocus?.();
    },
    onBlur: () => {
      input.leave();
      combobox.closeDropdown();
      props.onBlur?.();
    },
    onKeyDown: input.onKeyDown,
  };
}

interface CommonProps {
  label?: string;
  error?: ReactNode;
  placeholder?: string;
  description?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  /** Shown first when nothing is typed, and first among the matches. */
  suggestions?: readonly Option[];
  onBlur?: () => void;
  onFocus?: () => void;
  'data-path'?: string;
  'aria-label'?: string;
  tabIndex?: number;
}

interface SingleProps extends CommonProps {
  value: number | null;
  onChange: (value: number | null) => void;
}

interface MultiProps extends CommonProps {
  value: number[];
  onChange: (value: number[]) => void;
}

function SinglePicker({ kind, value, onChange, ...props }: SingleProps & { kind: Kind }) {
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const ids = useMemo(() => (value === null ? [] : [value]), [value]);
  const chosen = useLabels(kind, ids).get(value ?? -1);
  const chosenLabel = chosen?.label ?? '';
  const { setSearch, typed, query, options, suggestedCount, ready } = useSingleSearch(kind, chosenLabel, props.suggestions ?? []);
  const onKeyDown = usePickerKeys(combobox, query, ready, options.map((o) => o.id).join(','));
  const clear = value !== null && !props.disabled;
  const unpick = () => {
    onChange(null);
    setSearch(null);
  };

  return (
    <Combobox
      store={combobox}
      withinPortal
      onOptionSubmit={(v) => {
        onChange(Number(v));
        setSearch(null);
        combobox.closeDropdown();
      }}
    >
      <Combobox.Target withKeyboardNavigation={false} withExpandedAttribute>
        <InputBase
          // Typing over the name and leaving keeps the chosen entry: only ✕ removes it.
          {...singleInputProps(props, combobox, { setSearch, leave: () => setSearch(null), onKeyDown, openOnFocus: false })}
          required={props.required}
          placeholder={props.placeholder ?? SEARCH_HINT}
          value={typed}
          rightSection={clear ? <ClearButton label={props.label} onClear={unpick} /> : <Combobox.Chevron />}
          rightSectionPointerEvents={clear ? 'all' : 'none'}
        />
      </Combobox.Target>
      <Combobox.Dropdown>
        <OptionList options={options} suggestedCount={suggestedCount} chosenId={value} kind={kind} />
      </Combobox.Dropdown>
    </Combobox>
  );
}

function MultiPicker({ kind, value, onChange, ...props }: MultiProps & { kind: Kind }) {
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const id = useId();
  const labels = useLabels(kind, value);
  const [search, setSearch] = useState('');
  const { options: all, suggestedCount: suggestedAll, fresh } = useOptions(kind, search, props.suggestions ?? []);
  // The chosen entries are pills: the list offers only the others, so no click takes one away.
  const options = all.filter((o) => !value.includes(o.id));
  const suggestedCount = all.slice(0, suggestedAll).filter((o) => !value.includes(o.id)).length;
  const ready = fresh || (search !== '' && suggestedCount > 0);
  const onKeyDown = usePickerKeys(combobox, search, ready, options.map((o) => o.id).join(','));

  return (
    <Combobox
      store={combobox}
      withinPortal
      onOptionSubmit={(v) => {
        const picked = Number(v);
        if (!value.includes(picked)) onChange([...value, picked]);
        setSearch('');
      }}
    >
      <Combobox.DropdownTarget>
        <PillsInput
          id={id}
          label={props.label}
          description={props.description}
          error={props.error}
          required={props.required}
          disabled={props.disabled}
          onClick={() => combobox.openDropdown()}
        >
          <Pill.Group>
            {value.map((v) => {
              const name = labels.get(v)?.label ?? '…';
              return (
                <Pill
                  key={v}
                  withRemoveButton={!props.disabled}
                  removeButtonProps={{ 'aria-label': `Убрать: ${name}`, tabIndex: -1 }}
                  onRemove={() => onChange(value.filter((x) => x !== v))}
                >
                  {name}
                </Pill>
              );
            })}
            <Combobox.EventsTarget withExpandedAttribute withKeyboardNavigation={false}>
              <PillsInput.Field
                id={id}
                value={search}
                disabled={props.disabled}
                placeholder={value.length === 0 ? (props.placeholder ?? SEARCH_HINT) : undefined}
                aria-label={props['aria-label']}
                data-path={props['data-path']}
                tabIndex={props.tabIndex}
                onChange={(e) => {
                  setSearch(e.currentTarget.value);
                  combobox.openDropdown();
                }}
                onFocus={() => {
                  combobox.openDropdown();
                  props.onFocus?.();
                }}
                onBlur={() => {
                  combobox.closeDropdown();
                  setSearch('');
                  props.onBlur?.();
                }}
                // Backspace in the empty search would take the last pill away: only its ✕ does.
                onKeyDown={(e) => {
                  if (e.key === 'Backspace' && search === '') e.preventDefault();
                  onKeyDown(e);
                }}
              />
            </Combobox.EventsTarget>
          </Pill.Group>
        </PillsInput>
      </Combobox.DropdownTarget>
      <Combobox.Dropdown>
        <OptionList options={options} suggestedCount={suggestedCount} kind={kind} />
      </Combobox.Dropdown>
    </Combobox>
  );
}

/** A speaker of the minutes: a person of the registry, or a name typed for someone who is not in it. */
export interface SpeakerValue {
  personId: number | null;
  name: string;
}

const FREE = 'free';

/**
 * СЛУШАЛИ / ВЫСТУПИЛИ: the suggestions (the plan item's responsible people, the group's members)
 * first, then the registry; what matches nobody is kept as typed («Вписать: …», also when she
 * leaves the field), so a guest from elsewhere needs no registry entry.
 */
export function SpeakerPicker({
  value,
  onChange,
  ...props
}: CommonProps & { value: SpeakerValue; onChange: (value: SpeakerValue) => void }) {
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const ids = useMemo(() => (value.personId === null ? [] : [value.personId]), [value.personId]);
  const chosen = useLabels('people', ids).get(value.personId ?? -1);
  const shown = value.personId !== null ? (chosen?.label ?? '') : value.name;
  const { search, setSearch, typed, query, options, suggestedCount, ready } = useSingleSearch('people', shown, props.suggestions ?? []);
  const free = query.trim();
  const onKeyDown = usePickerKeys(combobox, query, ready, `${options.map((o) => o.id).join(',')}|${free}`);
  const clear = (value.personId !== null || value.name !== '') && !props.disabled;

  const unpick = () => {
    onChange({ personId: null, name: '' });
    setSearch(null);
  };
  const keepTyped = () => {
    if (search !== null && search.trim() !== shown.trim()) onChange({ personId: null, name: search.trim() });
    setSearch(null);
  };

  return (
    <Combobox
      store={combobox}
      withinPortal
      onOptionSubmit={(v) => {
        onChange(v === FREE ? { personId: null, name: free } : { personId: Number(v), name: '' });
        setSearch(null);
        combobox.closeDropdown();
      }}
    >
      <Combobox.Target withKeyboardNavigation={false} withExpandedAttribute>
        <InputBase
          {...singleInputProps(props, combobox, { setSearch, leave: keepTyped, onKeyDown, openOnFocus: true })}
          placeholder={props.placeholder ?? 'Фамилия из реестра или впишите: Фамилия И.О., должность'}
          value={typed}
          rightSection={clear ? <ClearButton label={props.label} onClear={unpick} /> : null}
        />
      </Combobox.Target>
      <Combobox.Dropdown>
        <OptionList
          options={options}
          suggestedCount={suggestedCount}
          chosenId={value.personId}
          kind="people"
          extra={
            free ? (
              <Combobox.Option value={FREE}>
                <Text size="sm">Вписать: «{free}»</Text>
              </Combobox.Option>
            ) : null
          }
        />
      </Combobox.Dropdown>
    </Combobox>
  );
}

/**
 * For a Select whose options are all on the screen (plan items, municipalities): the search the
 * lists use — every typed word somewhere in the label, case, ё and quotes aside — instead of
 * Mantine's own substring match, which misses «елочка» in «Ёлочка» and «сош 1» in «СОШ №1».
 */
export function wordFilter<V extends string | number>({ options, search }: Parameters<OptionsFilter<V>>[0]): ComboboxParsedItem<V>[] {
  const keep = (item: ComboboxParsedItem<V>): ComboboxParsedItem<V>[] => {
    if ('group' in item) {
      const items = item.items.filter((o) => matchesWords(o.label, search));
      return items.length ? [{ ...item, items }] : [];
    }
    return matchesWords(item.label, search) ? [item] : [];
  };
  return options.flatMap(keep);
}

export const PersonPicker = (props: SingleProps) => <SinglePicker kind="people" {...props} />;
export const PeopleMultiPicker = (props: MultiProps) => <MultiPicker kind="people" {...props} />;
export const OrganizationPicker = (props: SingleProps) => <SinglePicker kind="organizations" {...props} />;
export const OrganizationsMultiPicker = (props: MultiProps) => <MultiPicker kind="organizations" {...props} />;
