import { countedVerb, countOf, type NounForms } from '@shared/russian';

/**
 * Narrative with live figures: a paragraph a person writes around figures the application counts
 * (the annual report's text between its sections, a news item's). The text keeps a figure as a
 * field, `{{Случаи открыты}}`, named by the figure's label, and remembers the value the writer saw
 * when the text was last saved. Reading it against today's figures writes each field as its
 * current phrase («26 случаев») and marks every figure that changed since — so a regenerated text
 * is never silently wrong, and the writer checks the sentence around the new number.
 *
 * A field may add the verb that follows its number, singular and plural after a bar:
 * `{{Обратились по вопросу приёма ребёнка в семью|обратился/обратились}}` reads «34 человека
 * обратились», «21 человек обратился» (shared/russian's countedVerb), so the sentence agrees
 * whatever the number becomes.
 *
 * A figure may also be a fact written as text (a news item's date, its speakers, the
 * municipalities of its participants): its value is then the phrase itself, so a changed fact is
 * marked as a changed number is, and «Было: …» shows the phrase the writer saw.
 *
 * Pure functions over plain data, shared by the services (documents, checks) and the window (the
 * editor's marks), so the two read a paragraph alike.
 */

/** A figure a narrative may name: its label (the field's name), its value and how it is written. */
export interface LiveFigure {
  key: string;
  /** A count, or for a fact written as text the phrase itself. */
  value: number | string;
  /** The phrase written in place of the field: «3 заседания», «21 человек прошёл обучение». */
  text: string;
}

/** A paragraph as stored: the text with its fields, and the value of each field when it was saved. */
export interface Narrative {
  text: string;
  seen: Record<string, number | string>;
}

export type NarrativePiece =
  | { kind: 'text'; text: string }
  /** `seen` null: a field the stored text did not have a value for (added before it was saved). */
  | { kind: 'figure'; key: string; text: string; value: number | string; seen: number | string | null; changed: boolean }
  /** A field naming no figure of this document (a figure removed since): written as it was typed. */
  | { kind: 'unknown'; key: string; text: string };

const FIELD = /\{\{([^{}]+)\}\}/g;

/** `{{Случаи открыты}}`: the field of a figure, as the editor inserts it. */
export const field = (key: string): string => `{{${key}}}`;

/** A field's figure key and its verb pair, if any: «Случаи закрыты|закрыт/закрыты». */
function parseField(inner: string): { key: string; verb: [string, string] | null } {
  const [key = '', verb] = inner.split('|');
  const forms = verb?.split('/').map((v) => v.trim());
  return { key: key.trim(), verb: forms && forms.length === 2 && forms[0] && forms[1] ? [forms[0], forms[1]] : null };
}

/** The figure keys a text names, in order, without repeats. */
export function fieldKeys(text: string): string[] {
  return [...new Set([...text.matchAll(FIELD)].map((m) => parseField(m[1]!).key))];
}

/** The text split into plain parts and figures, each figure as it reads now and whether it changed. */
export function readNarrative(narrative: Narrative, figures: ReadonlyMap<string, LiveFigure>): NarrativePiece[] {
  const pieces: NarrativePiece[] = [];
  let at = 0;
  for (const m of narrative.text.matchAll(FIELD)) {
    if (m.index > at) pieces.push({ kind: 'text', text: narrative.text.slice(at, m.index) });
    const { key, verb } = parseField(m[1]!);
    const figure = figures.get(key);
    if (!figure) pieces.push({ kind: 'unknown', key, text: m[0] });
    else {
      const seen = Object.hasOwn(narrative.seen, key) ? narrative.seen[key]! : null;
      const text = verb && typeof figure.value === 'number' ? `${figure.text} ${countedVerb(figure.value, verb)}` : figure.text;
      pieces.push({ kind: 'figure', key, text, value: figure.value, seen, changed: seen !== figure.value });
    }
    at = m.index + m[0].length;
  }
  if (at < narrative.text.length) pieces.push({ kind: 'text', text: narrative.text.slice(at) });
  return pieces;
}

/** The paragraph as printed: every field written as its current phrase. */
export const narrativeText = (pieces: readonly NarrativePiece[]): string => pieces.map((p) => p.text).join('');

/** The figures that changed since the text was saved: what the writer must look at again. */
export const changedFigures = (pieces: readonly NarrativePiece[]) =>
  pieces.filter((p): p is Extract<NarrativePiece, { kind: 'figure' }> => p.kind === 'figure' && p.changed);

/** How the marks of changed figures are worded: the noun and the two verbs that agree with its count. */
export interface ChangedWording {
  /** «факт, факта, фактов». */
  noun: NounForms;
  /** After 1, 21 and after other counts: «отмечен / отмечено». */
  marked: readonly [string, string];
  /** «изменившийся / изменившихся». */
  changed: readonly [string, string];
}

/**
 * «отмечен 1 факт, изменившийся», «отмечено 5 фактов, изменившихся»: the count of changed figures in
 * a sentence, its noun and both verbs agreeing with it (shared/russian's plural rules).
 */
export const changedMarks = (n: number, w: ChangedWording): string =>
  `${countedVerb(n, w.marked)} ${countOf(n, w.noun)}, ${countedVerb(n, w.changed)}`;

/** A news item's facts and a report's numbers, as their screens count the changed ones. */
export const CHANGED_FACTS: ChangedWording = {
  noun: ['факт', 'факта', 'фактов'],
  marked: ['отмечен', 'отмечено'],
  changed: ['изменившийся', 'изменившихся'],
};
export const CHANGED_NUMBERS: ChangedWording = {
  noun: ['число', 'числа', 'чисел'],
  marked: ['отмечено', 'отмечено'],
  changed: ['изменившееся', 'изменившихся'],
};

/**
 * The text as saved now: it remembers the current value of every field it names. A field naming
 * no figure is refused (the caller words it), so a typo never prints «{{Случаи откыты}}».
 */
export function remember(text: string, figures: ReadonlyMap<string, LiveFigure>): { narrative: Narrative } | { unknown: string[] } {
  const keys = fieldKeys(text);
  const unknown = keys.filter((k) => !figures.has(k));
  if (unknown.length > 0) return { unknown };
  return { narrative: { text, seen: Object.fromEntries(keys.map((k) => [k, figures.get(k)!.value])) } };
}
