/**
 * The table of a registration sheet (лист регистрации), the same for a meeting and an event: «№»
 * (the event's registration number, so the signed paper maps back to the marks), the name,
 * organisation, position, and room for a handwritten signature.
 */
export const REGISTRATION_COLUMNS = [
  { title: '№', share: 6, align: 'center' as const },
  { title: 'Фамилия, имя, отчество', share: 28, names: true },
  { title: 'Организация', share: 28 },
  { title: 'Должность', share: 22 },
  { title: 'Подпись', share: 16 },
];
