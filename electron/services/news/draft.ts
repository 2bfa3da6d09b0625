import { field, type LiveFigure } from '@shared/narrative';
import { ORGANIZATION_TYPES, ORGANIZATION_TYPE_REPRESENTED, type OrganizationType } from '@shared/enums';
import type { NewsOrganization, NewsPart, NewsPerson, NewsSource } from '@shared/contract/news';
import {
  agree,
  bodyNameGenitive,
  compareKeys,
  countedVerb,
  countOf,
  EVENT_NOUN,
  formatDateLong,
  formatDateRangeLong,
  initialsThenSurname,
  joinMunicipalities,
  MUNICIPALITY_TYPES,
  municipalityName,
  occasionNoun,
  ordinalDative,
  tookPlace,
  type NounForms,
} from '@shared/russian';
import { midSentence } from '@shared/documents/text';

/**
 * The first text of a news item, in the register of the center's own news (seeds 000, 002): the
 * opening sentence (the day, «на базе …», what took place, its organiser), the participants
 * counted and grouped by the kind of their organisations and their municipalities, a paragraph
 * per question of the agenda or session with its speakers in their official capacity and the
 * decisions, and the programme and plan it belongs to. Every fact is a field of the narrative
 * (shared/narrative), so drafting again marks the facts that changed under an edited sentence.
 * A fact the record does not hold drops its clause: no sentence has an empty slot.
 */

export interface DraftParagraph {
  key: string;
  place: string;
  text: string;
}

export interface Draft {
  facts: Map<string, LiveFigure>;
  paragraphs: DraftParagraph[];
}

const SPECIALISTS: NounForms = ['специалист', 'специалиста', 'специалистов'];
const PEOPLE: NounForms = ['человек', 'человека', 'человек'];

/** «A, B и C». */
export function joinWithAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} и ${parts.at(-1)}`;
}

/** Capitals at the start of the first word (МУ, ТОГБУ, КДН): an abbreviation, which stays as it is in any case. */
const startsWithAbbreviation = (text: string) => {
  const letters = (/^[^\s«"]+/.exec(text.trim())?.[0] ?? '').replace(/[^А-ЯЁа-яёA-Za-z]/g, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
};

/**
 * The text up to the first comma outside quotes: «ТОГБУ «Центр «Доверие», кабинет 5» → the
 * organisation alone. Nested quotes are often closed by one «»» («Центр «Доверие»): a closing
 * quote not followed by another closes them all.
 */
function beforeComma(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '«') depth++;
    else if (c === '»') depth = text[i + 1] === '»' ? Math.max(0, depth - 1) : 0;
    else if (c === ',' && depth === 0) return text.slice(0, i).trim();
  }
  return text.trim();
}

/** «Организация сопровождения» → «Организация сопровождения» in quotes, unless it is quoted already. */
const quoted = (title: string) => {
  const t = title.trim();
  return t.startsWith('«') && t.endsWith('»') ? t : `«${t}»`;
};

const withoutEndDot = (text: string) => text.trim().replace(/[.;]+$/, '');

/** «Семинар для специалистов» begins with «семинар» as a whole word; «Семинары» and «Семинарская» do not. */
const startsWithNoun = (title: string, noun: string) => {
  const t = title.trim().toLocaleLowerCase('ru');
  return t.startsWith(noun) && /^[\s,:–—-]/.test(t.slice(noun.length)) && t.length > noun.length + 1;
};

const upperFirst = (text: string) => text.charAt(0).toLocaleUpperCase('ru') + text.slice(1);

/**
 * «социальный педагог ТОГБУ «Центр «Приют надежды» Л.А. Попова»: the position, the organisation
 * after it when its name starts with an abbreviation (which stands in any case), then the name as
 * the seeds write it: «И.О. Фамилия», or «Имя Фамилия» for a name without a patronymic (seed 004,
 * «Ирина Ковшира»). An organisation named in words is left out: after a position it would have to
 * be in the genitive, which the registry does not keep, and a position such as «заместитель главы
 * администрации города Моршанска» already names it. A speaker typed by name in the minutes is named
 * as typed.
 */
export function personInCapacity(p: NewsPerson): string {
  if (!p.name) return p.typed.trim();
  const name = p.name.middleName.trim()
    ? initialsThenSurname(p.name)
    : [p.name.firstName.trim(), p.name.lastName.trim()].filter(Boolean).join(' ');
  const position = p.position.trim() ? midSentence(p.position) : '';
  const org = p.organization?.trim() ?? '';
  if (org !== '' && startsWithAbbreviation(org) && !position.toLocaleLowerCase('ru').includes(org.toLocaleLowerCase('ru')))
    return `${position || 'представитель'} ${org} ${name}`;
  return position ? `${position} ${name}` : name;
}

/** «выступил / выступила» by the one person's gender, «выступили» for several. */
function verbOf(people: readonly NewsPerson[], male: string, female: string, several: string): string {
  return people.length === 1 ? agree(people[0]!.gender, male, female) : several;
}

/**
 * «органов опеки и попечительства, образовательных организаций и КДН и ЗП города Моршанска,
 * Моршанского и Сосновского районов»: a phrase per organisation type in the list's order (one
 * organisation of it or several), then the municipalities of the organisations in their stored
 * genitive forms — towns first, then the districts sharing one noun, each group in Russian order.
 */
export function organizationsPhrase(orgs: readonly NewsOrganization[]): string {
  if (orgs.length === 0) return '';
  const byType = new Map<OrganizationType, number>();
  for (const o of orgs) byType.set(o.type, (byType.get(o.type) ?? 0) + 1);
  const types = ORGANIZATION_TYPES.filter((t) => byType.has(t));
  const phrases =
    types.length === 1 && types[0] === 'other'
      ? [byType.get('other')! === 1 ? 'организации' : 'организаций']
      : types.map((t) => ORGANIZATION_TYPE_REPRESENTED[t][byType.get(t)! === 1 ? 0 : 1]);
  const places = new Map<number, NonNullable<NewsOrganization['municipality']>>();
  for (const o of orgs) if (o.municipality) places.set(o.municipality.id, o.municipality);
  const typeOrder = Object.keys(MUNICIPALITY_TYPES);
  const ordered = [...places.values()].sort((a, b) => {
    const nounFirst = Number(MUNICIPALITY_TYPES[a.type].properFirst) - Number(MUNICIPALITY_TYPES[b.type].properFirst);
    return nounFirst || typeOrder.indexOf(a.type) - typeOrder.indexOf(b.type) || compareKeys(a.sortKey, b.sortKey);
  });
  const where = ordered.length > 0 ? ` ${joinMunicipalities(ordered, 'genitive')}` : '';
  return `${joinWithAnd(phrases)}${where}`;
}

/** «по первому вопросу повестки», «по вопросу повестки» when it is the only one, «по вопросу № 11». */
function questionLead(part: NewsPart, count: number): string {
  if (count === 1) return 'По вопросу повестки';
  const ordinal = ordinalDative(part.number);
  return ordinal ? `По ${ordinal} вопросу повестки` : `По вопросу повестки № ${part.number}`;
}

/** The decisions in plain words: «принять к сведению …; рекомендовать …». */
const decisionsPhrase = (decisions: readonly string[]) =>
  decisions
    .map((d) => withoutEndDot(midSentence(d)))
    .filter(Boolean)
    .join('; ');

/** «проведён / проведена / проведено», agreeing with what took place. */
const HELD = { masculine: 'проведён', feminine: 'проведена', neuter: 'проведено' } as const;

const FACT = {
  headline: 'Заголовок',
  date: 'Дата',
  place: 'Место',
  venue: 'Место проведения',
  what: 'Что состоялось',
  organizer: 'Организатор',
  participants: 'Участники',
  organizations: 'Организации участников',
  chair: 'Председатель',
  hosts: 'Провели',
  speakers: 'Выступающие',
  programme: 'Программа',
  plan: 'План работы',
} as const;

/** The facts of a part: «Вопрос 1», «Вопрос 1: выступили»… (a session's topic: «Тема 1»). */
const partFact = (source: NewsSource, part: NewsPart, what?: string) =>
  `${source.kind === 'meeting' ? 'Вопрос' : 'Тема'} ${part.number}${what ? `: ${what}` : ''}`;

/** The draft of a news item: its facts, and its paragraphs in reading order with the facts as fields. */
export function draftNews(source: NewsSource): Draft {
  const facts = new Map<string, LiveFigure>();
  /** Adds a fact and answers its field; an empty fact is not added (its clause is dropped). */
  const fact = (key: string, text: string, value: number | string = text): string => {
    facts.set(key, { key, value, text });
    return field(key);
  };
  const noun = occasionNoun(source.typeLabel);
  const what = noun ?? EVENT_NOUN;
  // An event's title that begins with its own kind («Семинар для специалистов …») already names what
  // took place: it is not named twice («семинар «Семинар для …»»), the title reads on as its noun phrase.
  const ownNoun = noun !== null && source.kind === 'event' && startsWithNoun(source.title, noun.nominative);
  const title = source.kind === 'meeting' ? source.title.trim() : ownNoun ? '' : quoted(source.title);
  const named = ownNoun ? `${noun.nominative}${source.title.trim().slice(noun.nominative.length)}` : `${what.nominative} ${title}`;
  const paragraphs: DraftParagraph[] = [];
  const add = (key: string, place: string, sentences: (string | false | null | undefined)[]) => {
    const text = sentences.filter(Boolean).join(' ');
    if (text) paragraphs.push({ key, place, text });
  };

  add('headline', 'Заголовок', [fact(FACT.headline, noun && !ownNoun ? `${upperFirst(noun.nominative)} ${title}` : source.title.trim())]);

  // The opening: «21 июля 2017 года на базе МУ «…» состоялся круглый стол «…».»
  const date = fact(FACT.date, formatDateRangeLong(source.firstDay, source.lastDay) || formatDateLong(source.firstDay));
  const venue = beforeComma(source.venue);
  const placeText = source.remote
    ? 'в дистанционном формате'
    : venue && startsWithAbbreviation(venue)
      ? `на базе ${venue}`
      : source.municipality
        ? `в ${municipalityName(source.municipality, 'prepositional')}`
        : '';
  const place = placeText ? fact(FACT.place, placeText) : null;
  const happened = fact(FACT.what, `${tookPlace(what.gender)} ${source.regular ? 'очередное ' : ''}${named}`);
  const venueApart = !source.remote && venue !== '' && !startsWithAbbreviation(venue);
  add('opening', 'Начало', [
    `${[date, place, happened].filter(Boolean).join(' ')}.`,
    venueApart && `Место проведения – ${fact(FACT.venue, source.venue.trim())}.`,
    source.organizer?.trim() && `Организатор – ${fact(FACT.organizer, source.organizer.trim())}.`,
  ]);

  // The participants: counted, never listed; the chair and the hosts named in their capacity.
  const n = source.participantCount;
  const counted =
    n > 0
      ? fact(
          FACT.participants,
          `${countedVerb(n, ['принял', 'приняли'])} участие ${countOf(n, source.population ? PEOPLE : SPECIALISTS)}`,
          n,
        )
      : null;
  const orgs = organizationsPhrase(source.organizations);
  add('participants', 'Участники', [
    counted &&
      `В работе ${what.genitive} ${counted}${orgs ? ` – ${n === 1 ? 'представитель' : 'представители'} ${fact(FACT.organizations, orgs)}` : ''}.`,
    source.chair &&
      `${agree(source.chair.gender, 'Председательствовал', 'Председательствовала')} ${fact(FACT.chair, personInCapacity(source.chair))}.`,
    source.hosts.length > 0 &&
      `Мероприятие ${verbOf(source.hosts, 'провёл', 'провела', 'провели')} ${fact(FACT.hosts, joinWithAnd(source.hosts.map(personInCapacity)))}.`,
  ]);

  // A paragraph per question or session.
  for (const part of source.parts) {
    if (source.kind === 'meeting') {
      const question = fact(partFact(source, part), quoted(part.title));
      const lead = `${questionLead(part, source.parts.length)} ${question}`;
      const decided = decisionsPhrase(part.decisions);
      add(part.key, `Вопрос ${part.number}`, [
        part.speakers.length > 0
          ? `${lead} ${verbOf(part.speakers, 'выступил', 'выступила', 'выступили')} ${fact(partFact(source, part, 'выступили'), joinWithAnd(part.speakers.map(personInCapacity)))}.`
          : `${part.number > 1 ? 'Также рассмотрен' : 'Рассмотрен'} вопрос ${question}.`,
        part.discussion.length > 0 &&
          `В обсуждении ${verbOf(part.discussion, 'принял', 'приняла', 'приняли')} участие ${fact(partFact(source, part, 'обсуждение'), joinWithAnd(part.discussion.map(personInCapacity)))}.`,
        decided && `По итогам обсуждения решено: ${fact(partFact(source, part, 'решения'), decided)}.`,
      ]);
    } else {
      const topic = fact(partFact(source, part), quoted(part.title));
      add(part.key, `Тема ${part.number}`, [
        part.day ? `${formatDateLong(part.day)} участники обсудили тему ${topic}.` : `Участники обсудили тему ${topic}.`,
      ]);
    }
  }

  if (source.speakers.length > 0)
    add('speakers', 'Выступающие', [
      `С докладами ${verbOf(source.speakers, 'выступил', 'выступила', 'выступили')} ${fact(FACT.speakers, joinWithAnd(source.speakers.map(personInCapacity)))}.`,
    ]);

  // What it belongs to: «в рамках инновационного проекта «Шаги навстречу»», the plan of the year.
  const programme = source.programme?.trim() ?? '';
  const within = programme ? bodyNameGenitive(programme) : null;
  const clauses = [
    within && `в рамках ${fact(FACT.programme, within)}`,
    source.planItem && `в соответствии с планом работы на ${source.planItem.year} год (${fact(FACT.plan, quoted(source.planItem.title))})`,
  ].filter(Boolean);
  add('programme', 'Программа и план', [
    clauses.length > 0 &&
      `${source.kind === 'event' ? 'Мероприятие проведено' : `${upperFirst(what.nominative)} ${HELD[what.gender]}`} ${clauses.join(' ')}.`,
    programme && !within && `Программа (проект): ${fact(FACT.programme, programme)}.`,
  ]);
  return { facts, paragraphs };
}
