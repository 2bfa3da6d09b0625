import type { Register } from '@shared/contract/define';

/**
 * How the undo register speaks of each table: the registers whose screens show it (to refresh
 * after an undo) and, for a table other rows point to, the Russian phrase for «it was deleted
 * since». tests/unit/undo checks that every table of the schema is described here.
 */
export interface TableWording {
  registers: Register[];
  /** «с тех пор удалена организация, к которой относилась запись». */
  gone?: string;
}

export const TABLES: Record<string, TableWording> = {
  app_settings: { registers: ['app'] },
  center_profile: { registers: ['profile'] },
  municipalities: { registers: ['municipalities'], gone: 'с тех пор удалено муниципальное образование, указанное в записи' },
  organizations: { registers: ['organizations'], gone: 'с тех пор удалена организация, к которой относилась запись' },
  people: { registers: ['people'], gone: 'с тех пор удалён специалист, указанный в записи' },
  // Pairs declared «разные люди» / «разные организации» (issue 18): shown on «Дубликаты».
  distinct_people: { registers: ['people'] },
  distinct_organizations: { registers: ['organizations'] },
  list_values: { registers: ['lists'], gone: 'с тех пор удалено значение списка, указанное в записи' },
  work_plans: { registers: ['workPlan'], gone: 'с тех пор удалён план работы, к которому относилась запись' },
  plan_items: { registers: ['workPlan'], gone: 'с тех пор удалено мероприятие плана, указанное в записи' },
  plan_item_responsibles: { registers: ['workPlan'] },
  plan_item_partners: { registers: ['workPlan'] },
  // A plan item realised by a meeting or an agenda item: shown by both.
  plan_item_links: { registers: ['workPlan', 'meetings', 'events', 'news'] },
  working_groups: { registers: ['meetings'], gone: 'с тех пор удалена рабочая группа, к которой относилась запись' },
  working_group_members: { registers: ['meetings'] },
  // The номенклатура дел of a group: deleted with the group, shown in its form.
  working_group_case_files: { registers: ['meetings'] },
  // Assignment lists issued to organisations (numbered outgoing documents).
  document_issues: { registers: ['meetings'] },
  meetings: { registers: ['meetings'], gone: 'с тех пор удалено заседание, к которому относилась запись' },
  meeting_unlocks: { registers: ['meetings'] },
  meeting_attendees: { registers: ['meetings'] },
  meeting_guests: { registers: ['meetings'] },
  agenda_items: { registers: ['meetings'], gone: 'с тех пор удалён вопрос повестки, к которому относилась запись' },
  agenda_speakers: { registers: ['meetings'] },
  discussion_entries: { registers: ['meetings'] },
  decisions: { registers: ['meetings'], gone: 'с тех пор удалено решение, к которому относилась запись' },
  assignments: { registers: ['meetings'], gone: 'с тех пор удалено поручение, к которому относилась запись' },
  assignment_people: { registers: ['meetings'] },
  assignment_organizations: { registers: ['meetings'] },
  // events (issue 16); a plan item realised by an event is shown by both registers.
  events: { registers: ['events', 'workPlan'], gone: 'с тех пор удалено мероприятие, к которому относилась запись' },
  event_sessions: { registers: ['events'], gone: 'с тех пор удалено занятие, к которому относилась запись' },
  event_participants: { registers: ['events'], gone: 'с тех пор удалена регистрация участника, к которой относилась запись' },
  session_marks: { registers: ['events'] },
  session_counts: { registers: ['events'] },
  export_log: { registers: ['exchange'], gone: 'с тех пор удалена запись журнала выгрузки, которую повторяла запись' },
  undo_journal: { registers: ['undo'] },
  // The file store's index: a register's row names a file by its hash.
  stored_files: { registers: ['files'], gone: 'с тех пор удалён вложенный файл, указанный в записи' },
  restore_log: { registers: ['backups'] },
  // The catalogue's part of an indicator (a value of the list «Показатели мониторинга») and its figures.
  indicator_definitions: { registers: ['indicators', 'lists'] },
  indicator_values: { registers: ['indicators'] },
  // Publications (issue 21): only one with an empty ledger is deleted, so its movements never need restoring.
  publications: { registers: ['publications'], gone: 'с тех пор удалено издание, к которому относилась запись' },
  publication_movements: { registers: ['publications'], gone: 'с тех пор удалено движение печатной продукции, указанное в записи' },
  // Certificates (issue 19) are never deleted, only annulled; an event or a participation under one is not deleted either.
  certificates: { registers: ['certificates', 'events'], gone: 'с тех пор удалён сертификат, указанный в записи' },
  certificate_layout: { registers: ['certificates'] },
  // Import reports (issue 17) are never deleted by a call; they go with their event.
  import_reports: { registers: ['imports', 'events'] },
  // Issue 22: a publication's printed file in versions (deleted with a publication with an empty ledger), and acts of write-off.
  publication_files: { registers: ['publications'] },
  write_off_acts: { registers: ['publications'], gone: 'с тех пор удалён акт списания, указанный в записи' },
  write_off_act_members: { registers: ['publications'] },
  write_off_act_lines: { registers: ['publications'] },
  // Reports (issue 23) are not deleted: a draft is edited, an approved one unlocked with a reason.
  reports: { registers: ['reports'] },
  // A news item (issue 24) is shown on its meeting's or event's page.
  news_items: { registers: ['news', 'meetings', 'events'], gone: 'с тех пор удалена новость, к которой относилась запись' },
};

/** What a unique index guards, for «the slot is taken since». */
export const UNIQUE_SLOTS: Record<string, string> = {
  municipalities_sort_key_unique: 'муниципальное образование с таким названием уже есть',
  working_groups_sort_key_unique: 'рабочая группа с таким названием уже есть',
  meetings_group_year_number_unique: 'номер заседания уже занят другим заседанием этой рабочей группы в том же году',
  work_plans_year_unique: 'план работы на этот год уже есть',
  document_issues_kind_year_number_unique: 'номер перечня поручений уже занят',
  indicator_values_cell_unique: 'значение показателя за этот квартал по этому муниципальному образованию уже снова введено',
  indicator_values_segment_quarter_unique: 'значение показателя за этот квартал по сегменту уже снова введено',
  indicator_values_municipality_year_unique: 'значение показателя за этот год по этому муниципальному образованию уже снова введено',
  indicator_values_segment_year_unique: 'значение показателя за этот год по сегменту уже снова введено',
  indicator_definitions_role_unique: 'эту роль в проверках уже получил другой показатель',
  list_values_folded_unique: 'такое значение уже снова есть в списке',
  event_participants_person_unique: 'этот специалист уже снова зарегистрирован на мероприятие',
  event_participants_number_unique: 'регистрационный номер уже занят другим участником',
  plan_item_links_event_unique: 'мероприятие уже связано с другим пунктом плана',
};
