import { and, eq, isNull, max } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { certificates } from '@db/schema';
import { conflict } from '@main/api/errors';
import { eventCompletion, type EventCompletion } from '@main/services/events';
import { peopleAsNamed, setPersonGender, type NamedPerson } from '@main/services/registry';
import type { CertificateCandidates, IssuedCertificates } from '@shared/contract/certificates';
import {
  CERTIFICATE_PAGE,
  certificateHeightMm,
  certificateNumberLabel,
  fillCertificateText,
  type CertificatePrint,
} from '@shared/documents/certificates/layout';
import { personFullName, personNameInCase, sortKey, surnameWithInitials, todayLocal, type Gender } from '@shared/russian';
import { getLayout } from './layout';
import { loadLogo, logoPrintSize } from './logo';
import { certificateSnapshot } from './snapshot';

/** Why no certificate may be issued for the whole event, or null. */
function eventRefusal(e: EventCompletion): string | null {
  if (e.audience === 'population') return 'Это мероприятие для населения: участников по именам не записывают, сертификаты не выдаются.';
  if (e.centerRole === 'participant' || e.centerRole === 'speaker')
    return 'Центр не проводил это мероприятие, а участвовал в нём: сертификаты участникам выдаёт организатор.';
  if (e.status !== 'held') return 'Сертификаты выдаются после проведения: сначала отметьте участников и нажмите «Провести».';
  return null;
}

/** A person as the certificate names them: the registry's one reader of people in documents. */
type Person = NamedPerson;
const peopleOf = (db: AppDb, ids: number[]): Map<number, Person> => peopleAsNamed(db, ids);

/** Valid certificates of the event: person id → number label. */
function validOf(db: AppDb, eventId: number): Map<number, string> {
  return new Map(
    db
      .select({ personId: certificates.personId, year: certificates.year, number: certificates.number })
      .from(certificates)
      .where(and(eq(certificates.eventId, eventId), isNull(certificates.annulledOn)))
      .all()
      .map((c) => [c.personId, certificateNumberLabel(c.year, c.number)]),
  );
}

export function certificateCandidates(db: AppDb, eventId: number): CertificateCandidates {
  const e = eventCompletion(db, eventId);
  const persons = peopleOf(
    db,
    e.participants.map((p) => p.personId),
  );
  const valid = validOf(db, eventId);
  const candidates = e.participants
    .map((p) => {
      const person = persons.get(p.personId)!;
      const numberLabel = valid.get(p.personId) ?? null;
      return {
        participantId: p.participantId,
        personId: p.personId,
        fullName: personFullName(person),
        organizationName: person.organizationName,
        state: numberLabel ? ('issued' as const) : p.completed ? ('eligible' as const) : ('notCompleted' as const),
        reason: numberLabel ? `выдан № ${numberLabel}` : p.shortfall,
        gender: person.gender,
        numberLabel,
      };
    })
    .sort((a, b) => (sortKey(a.fullName) < sortKey(b.fullName) ? -1 : sortKey(a.fullName) > sortKey(b.fullName) ? 1 : 0));
  return { eventId, title: e.title, refusal: eventRefusal(e), candidates };
}

/** The next number of the year's series: max + 1, inside the issuing transaction (UNIQUE(year, number) holds it). */
function nextNumber(db: AppDb, year: number): number {
  return (
    (db
      .select({ n: max(certificates.number) })
      .from(certificates)
      .where(eq(certificates.year, year))
      .get()?.n ?? 0) + 1
  );
}

interface PrintContext {
  e: EventCompletion;
  layout: ReturnType<typeof getLayout>;
  logo: CertificatePrint['logo'];
  today: string;
}

function printContext(db: AppDb, dataDir: string, e: EventCompletion, today: string): PrintContext {
  const layout = getLayout(db);
  let logo: CertificatePrint['logo'] = null;
  if (layout.logo) {
    const image = loadLogo(db, dataDir, layout.logo.hash);
    logo = { hash: layout.logo.hash, ...logoPrintSize(image, layout.settings.logoWidthMm) };
  }
  return { e, layout, logo, today };
}

function printFor(c: PrintContext, person: Person, gender: Gender, numberLabel: string): CertificatePrint {
  const s = c.layout.settings;
  const printed = personNameInCase(person, s.nameCase, gender)!;
  const textContext = { gender, title: c.e.title, firstDay: c.e.firstDay, lastDay: c.e.lastDay, hours: c.e.hours };
  return {
    numberLabel,
    issuedOn: c.today,
    name: { printed: personFullName(printed), nominative: personFullName(person) },
    gender,
    centerName: s.centerName,
    lead: fillCertificateText(s.lead, textContext),
    text: fillCertificateText(s.text, textContext),
    signer: { position: s.signerPosition, name: s.signerName },
    sealPlace: s.sealPlace,
    logo: c.logo,
    event: { id: c.e.id, title: c.e.title, firstDay: c.e.firstDay, lastDay: c.e.lastDay, hours: c.e.hours },
  };
}

function insertCertificate(db: AppDb, c: PrintContext, person: Person, gender: Gender, replacesId: number | null) {
  const year = Number(c.today.slice(0, 4));
  const number = nextNumber(db, year);
  const numberLabel = certificateNumberLabel(year, number);
  const print = printFor(c, person, gender, numberLabel);
  const height = certificateHeightMm(print);
  if (height > CERTIFICATE_PAGE.heightMm) {
    throw conflict(
      `Сертификат для ${print.name.nominative} не помещается на одну страницу: сократите текст в оформлении сертификатов или название мероприятия, уменьшите логотип. Сертификаты не выданы.`,
    );
  }
  const row = db
    .insert(certificates)
    .values({
      year,
      number,
      eventId: c.e.id,
      personId: person.id,
      issuedOn: c.today,
      snapshot: certificateSnapshot.freeze(print),
      replacesId,
    })
    .returning({ id: certificates.id })
    .get();
  return { id: row.id, numberLabel, fullName: print.name.nominative };
}

const shortName = (p: Person) => surnameWithInitials(p);

/**
 * All or nothing: anyone asked for who did not complete the event, or whose gender is not on
 * record and not given, refuses the whole call with their names. The batch is numbered in the
 * alphabetical order of the names, so the stack the director signs is sorted.
 */
export function issueCertificates(
  db: AppDb,
  dataDir: string,
  input: { eventId: number; participantIds: number[]; genders: Record<string, Gender> },
  today = todayLocal(),
): IssuedCertificates {
  const e = eventCompletion(db, input.eventId);
  const refusal = eventRefusal(e);
  if (refusal) throw conflict(refusal);
  const wanted = new Set(input.participantIds);
  const chosen = e.participants.filter((p) => wanted.has(p.participantId));
  if (chosen.length !== wanted.size)
    throw conflict('Некоторые из выбранных участников не зарегистрированы на это мероприятие: обновите список и выберите снова.');
  const persons = peopleOf(
    db,
    chosen.map((p) => p.personId),
  );
  const notCompleted = chosen.filter((p) => !p.completed);
  if (notCompleted.length > 0) {
    throw conflict(
      `Сертификат выдаётся только завершившим обучение: ${notCompleted
        .map((p) => `${shortName(persons.get(p.personId)!)} — ${p.shortfall}`)
        .join('; ')}. Сертификаты не выданы никому.`,
    );
  }
  const valid = validOf(db, e.id);
  const toIssue = chosen.filter((p) => !valid.has(p.personId)).map((p) => persons.get(p.personId)!);
  const missing = toIssue.filter((p) => p.gender === null && !input.genders[String(p.id)]);
  if (missing.length > 0) {
    throw conflict(
      `Укажите пол, чтобы правильно просклонять имя: ${missing.map(personFullName).join(', ')}. Сертификаты не выданы никому.`,
    );
  }
  const c = printContext(db, dataDir, e, today);
  const sorted = [...toIssue].sort((a, b) => {
    const [ka, kb] = [sortKey(personFullName(a)), sortKey(personFullName(b))];
    return ka < kb ? -1 : ka > kb ? 1 : a.id - b.id;
  });
  const issued = sorted.map((p) => {
    const gender = p.gender ?? input.genders[String(p.id)]!;
    if (p.gender === null) setPersonGender(db, p.id, gender);
    return insertCertificate(db, c, p, gender, null);
  });
  return {
    issued,
    alreadyIssued: chosen
      .filter((p) => valid.has(p.personId))
      .map((p) => `${personFullName(persons.get(p.personId)!)} (№ ${valid.get(p.personId)})`),
  };
}

/**
 * «Выдать взамен» (a misspelt name, a lost certificate the center wants on record): the old
 * certificate is annulled with its reason and stays in the register; a new number of this year
 * is issued from today's registry and layout. A director expects the register to show which
 * paper is valid: a second paper under the same number would leave two in circulation.
 */
export function reissueCertificate(db: AppDb, dataDir: string, input: { id: number; reason: string }, today = todayLocal()) {
  const old = db.select().from(certificates).where(eq(certificates.id, input.id)).get();
  if (!old) throw conflict('Сертификат не найден.');
  const label = certificateNumberLabel(old.year, old.number);
  if (old.annulledOn !== null)
    throw conflict(
      `Сертификат № ${label} уже аннулирован ${old.annulledOn.split('-').reverse().join('.')}: взамен выдают только действительный.`,
    );
  const e = eventCompletion(db, old.eventId);
  const participation = e.participants.find((p) => p.personId === old.personId);
  const person = peopleOf(db, [old.personId]).get(old.personId)!;
  if (!participation?.completed)
    throw conflict(
      `${personFullName(person)} больше не завершает мероприятие по отметкам (${participation?.shortfall ?? 'нет регистрации'}): выдать взамен нельзя.`,
    );
  if (person.gender === null) throw conflict(`Укажите пол специалиста ${personFullName(person)} в реестре, чтобы просклонять имя.`);
  db.update(certificates).set({ annulledOn: today, annulReason: input.reason }).where(eq(certificates.id, old.id)).run();
  const issued = insertCertificate(db, printContext(db, dataDir, e, today), person, person.gender, old.id);
  return { id: issued.id, numberLabel: issued.numberLabel };
}
