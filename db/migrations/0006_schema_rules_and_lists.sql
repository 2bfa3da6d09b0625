-- Schema rules (db/README.md): CHECKs of enum and JSON columns, positions unique within their
-- parent, one foreign-key policy; the editable lists and plan forms as list values. Hand edits to
-- drizzle-kit's output are marked «hand edit»: the copies renumber positions 1..n within each
-- parent in their stored order (a repeated or missing number, which the old renumbering could leave,
-- would break the new unique index and is what the printed numbers «1.3» depended on), and the
-- plan's free-text forms become list values.
CREATE TABLE `list_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`list` text NOT NULL,
	`value` text NOT NULL,
	`folded_value` text NOT NULL,
	`position` integer NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "list_values_position_positive" CHECK("position" > 0),
	CONSTRAINT "list_values_list_values" CHECK("list" IN ('planForms'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `list_values_folded_unique` ON `list_values` (`list`,`folded_value`);--> statement-breakpoint
CREATE UNIQUE INDEX `list_values_position_unique` ON `list_values` (`list`,`position`);--> statement-breakpoint
-- hand edit: each distinct form text of the plan becomes a value of «Формы работы», in the order of
-- its first use. The data step 0006-plan-forms-list folds them (case, ё, punctuation), merges values
-- that fold to one and adds the list's first values (db/dataSteps.ts); until then a value's folded
-- key is a placeholder no real key takes.
INSERT INTO `list_values` (`list`, `value`, `folded_value`, `position`)
SELECT 'planForms', `form`, char(0) || row_number() OVER (ORDER BY min(`id`)), row_number() OVER (ORDER BY min(`id`))
FROM `plan_items` GROUP BY `form`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_agenda_speakers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agenda_item_id` integer NOT NULL,
	`position` integer NOT NULL,
	`person_id` integer,
	`name` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "agenda_speakers_position_positive" CHECK("position" > 0)
);
--> statement-breakpoint
-- hand edit: see the header.
INSERT INTO `__new_agenda_speakers`("id", "agenda_item_id", "position", "person_id", "name") SELECT "id", "agenda_item_id", row_number() OVER (PARTITION BY "agenda_item_id" ORDER BY "position", "id"), "person_id", "name" FROM `agenda_speakers`;--> statement-breakpoint
DROP TABLE `agenda_speakers`;--> statement-breakpoint
ALTER TABLE `__new_agenda_speakers` RENAME TO `agenda_speakers`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `agenda_speakers_position_unique` ON `agenda_speakers` (`agenda_item_id`,`position`);--> statement-breakpoint
CREATE INDEX `agenda_speakers_person` ON `agenda_speakers` (`person_id`);--> statement-breakpoint
CREATE TABLE `__new_assignment_organizations` (
	`assignment_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	PRIMARY KEY(`assignment_id`, `organization_id`),
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
INSERT INTO `__new_assignment_organizations`("assignment_id", "organization_id") SELECT "assignment_id", "organization_id" FROM `assignment_organizations`;--> statement-breakpoint
DROP TABLE `assignment_organizations`;--> statement-breakpoint
ALTER TABLE `__new_assignment_organizations` RENAME TO `assignment_organizations`;--> statement-breakpoint
CREATE INDEX `assignment_organizations_org` ON `assignment_organizations` (`organization_id`);--> statement-breakpoint
CREATE TABLE `__new_assignment_people` (
	`assignment_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	PRIMARY KEY(`assignment_id`, `person_id`),
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
INSERT INTO `__new_assignment_people`("assignment_id", "person_id") SELECT "assignment_id", "person_id" FROM `assignment_people`;--> statement-breakpoint
DROP TABLE `assignment_people`;--> statement-breakpoint
ALTER TABLE `__new_assignment_people` RENAME TO `assignment_people`;--> statement-breakpoint
CREATE INDEX `assignment_people_person` ON `assignment_people` (`person_id`);--> statement-breakpoint
CREATE TABLE `__new_discussion_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agenda_item_id` integer NOT NULL,
	`position` integer NOT NULL,
	`person_id` integer,
	`name` text DEFAULT '' NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "discussion_entries_position_positive" CHECK("position" > 0)
);
--> statement-breakpoint
-- hand edit: see the header.
INSERT INTO `__new_discussion_entries`("id", "agenda_item_id", "position", "person_id", "name", "text") SELECT "id", "agenda_item_id", row_number() OVER (PARTITION BY "agenda_item_id" ORDER BY "position", "id"), "person_id", "name", "text" FROM `discussion_entries`;--> statement-breakpoint
DROP TABLE `discussion_entries`;--> statement-breakpoint
ALTER TABLE `__new_discussion_entries` RENAME TO `discussion_entries`;--> statement-breakpoint
CREATE UNIQUE INDEX `discussion_entries_position_unique` ON `discussion_entries` (`agenda_item_id`,`position`);--> statement-breakpoint
CREATE INDEX `discussion_entries_person` ON `discussion_entries` (`person_id`);--> statement-breakpoint
CREATE TABLE `__new_document_issues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`year` integer NOT NULL,
	`number` integer NOT NULL,
	`issued_on` text NOT NULL,
	`document` text NOT NULL,
	`organization_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "document_issues_kind_values" CHECK("kind" IN ('assignmentList')),
	CONSTRAINT "document_issues_document_json" CHECK(json_valid("document") AND json_type("document") = 'object')
);
--> statement-breakpoint
INSERT INTO `__new_document_issues`("id", "kind", "year", "number", "issued_on", "document", "organization_id", "created_at") SELECT "id", "kind", "year", "number", "issued_on", "document", "organization_id", "created_at" FROM `document_issues`;--> statement-breakpoint
DROP TABLE `document_issues`;--> statement-breakpoint
ALTER TABLE `__new_document_issues` RENAME TO `document_issues`;--> statement-breakpoint
CREATE UNIQUE INDEX `document_issues_kind_year_number_unique` ON `document_issues` (`kind`,`year`,`number`);--> statement-breakpoint
CREATE INDEX `document_issues_organization` ON `document_issues` (`organization_id`);--> statement-breakpoint
CREATE TABLE `__new_meeting_attendees` (
	`meeting_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`present` integer DEFAULT true NOT NULL,
	`absence_reason` text DEFAULT '' NOT NULL,
	`late` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`meeting_id`, `person_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
INSERT INTO `__new_meeting_attendees`("meeting_id", "person_id", "present", "absence_reason", "late") SELECT "meeting_id", "person_id", "present", "absence_reason", "late" FROM `meeting_attendees`;--> statement-breakpoint
DROP TABLE `meeting_attendees`;--> statement-breakpoint
ALTER TABLE `__new_meeting_attendees` RENAME TO `meeting_attendees`;--> statement-breakpoint
CREATE INDEX `meeting_attendees_person` ON `meeting_attendees` (`person_id`);--> statement-breakpoint
CREATE TABLE `__new_meeting_guests` (
	`meeting_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `person_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
INSERT INTO `__new_meeting_guests`("meeting_id", "person_id") SELECT "meeting_id", "person_id" FROM `meeting_guests`;--> statement-breakpoint
DROP TABLE `meeting_guests`;--> statement-breakpoint
ALTER TABLE `__new_meeting_guests` RENAME TO `meeting_guests`;--> statement-breakpoint
CREATE INDEX `meeting_guests_person` ON `meeting_guests` (`person_id`);--> statement-breakpoint
CREATE TABLE `__new_meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`kind` text NOT NULL,
	`year` integer NOT NULL,
	`number` integer NOT NULL,
	`date_start` text NOT NULL,
	`date_end` text,
	`time` text DEFAULT '' NOT NULL,
	`town` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`chair_id` integer,
	`secretary_id` integer,
	`status` text DEFAULT 'draft' NOT NULL,
	`signed_at` text,
	`signed_snapshot` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `working_groups`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`chair_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`secretary_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "meetings_number_positive" CHECK("__new_meetings"."number" > 0),
	CONSTRAINT "meetings_kind_values" CHECK("kind" IN ('session', 'conference', 'roundTable')),
	CONSTRAINT "meetings_status_values" CHECK("status" IN ('draft', 'held', 'signed')),
	CONSTRAINT "meetings_signed_snapshot_json" CHECK(json_valid("signed_snapshot") AND json_type("signed_snapshot") = 'object')
);
--> statement-breakpoint
INSERT INTO `__new_meetings`("id", "group_id", "kind", "year", "number", "date_start", "date_end", "time", "town", "address", "chair_id", "secretary_id", "status", "signed_at", "signed_snapshot", "created_at", "updated_at") SELECT "id", "group_id", "kind", "year", "number", "date_start", "date_end", "time", "town", "address", "chair_id", "secretary_id", "status", "signed_at", "signed_snapshot", "created_at", "updated_at" FROM `meetings`;--> statement-breakpoint
DROP TABLE `meetings`;--> statement-breakpoint
ALTER TABLE `__new_meetings` RENAME TO `meetings`;--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_group_year_number_unique` ON `meetings` (`group_id`,`year`,`number`);--> statement-breakpoint
CREATE INDEX `meetings_date` ON `meetings` (`date_start`);--> statement-breakpoint
CREATE TABLE `__new_working_group_members` (
	`group_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	PRIMARY KEY(`group_id`, `person_id`),
	FOREIGN KEY (`group_id`) REFERENCES `working_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
INSERT INTO `__new_working_group_members`("group_id", "person_id") SELECT "group_id", "person_id" FROM `working_group_members`;--> statement-breakpoint
DROP TABLE `working_group_members`;--> statement-breakpoint
ALTER TABLE `__new_working_group_members` RENAME TO `working_group_members`;--> statement-breakpoint
CREATE INDEX `working_group_members_person` ON `working_group_members` (`person_id`);--> statement-breakpoint
CREATE TABLE `__new_working_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`name_genitive` text NOT NULL,
	`chair_id` integer,
	`deputy_chair_id` integer,
	`secretary_id` integer,
	`quorum` text DEFAULT 'half' NOT NULL,
	`sort_key` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`chair_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`deputy_chair_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`secretary_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "working_groups_quorum_values" CHECK("quorum" IN ('half', 'majority', 'twoThirds', 'none'))
);
--> statement-breakpoint
INSERT INTO `__new_working_groups`("id", "name", "name_genitive", "chair_id", "deputy_chair_id", "secretary_id", "quorum", "sort_key", "created_at", "updated_at") SELECT "id", "name", "name_genitive", "chair_id", "deputy_chair_id", "secretary_id", "quorum", "sort_key", "created_at", "updated_at" FROM `working_groups`;--> statement-breakpoint
DROP TABLE `working_groups`;--> statement-breakpoint
ALTER TABLE `__new_working_groups` RENAME TO `working_groups`;--> statement-breakpoint
CREATE UNIQUE INDEX `working_groups_sort_key_unique` ON `working_groups` (`sort_key`);--> statement-breakpoint
CREATE TABLE `__new_municipalities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`sort_key` text NOT NULL,
	`in_segment` integer DEFAULT true NOT NULL,
	`type` text DEFAULT 'none' NOT NULL,
	`proper_name` text DEFAULT '' NOT NULL,
	`forms` text DEFAULT '{}' NOT NULL,
	`forms_confirmed` integer DEFAULT false NOT NULL,
	CONSTRAINT "municipalities_type_values" CHECK("type" IN ('district', 'municipalDistrict', 'municipalOkrug', 'city', 'urbanOkrug', 'township', 'village', 'selsovet', 'region', 'none')),
	CONSTRAINT "municipalities_forms_json" CHECK(json_valid("forms") AND json_type("forms") = 'object')
);
--> statement-breakpoint
INSERT INTO `__new_municipalities`("id", "name", "sort_key", "in_segment", "type", "proper_name", "forms", "forms_confirmed") SELECT "id", "name", "sort_key", "in_segment", "type", "proper_name", "forms", "forms_confirmed" FROM `municipalities`;--> statement-breakpoint
DROP TABLE `municipalities`;--> statement-breakpoint
ALTER TABLE `__new_municipalities` RENAME TO `municipalities`;--> statement-breakpoint
CREATE UNIQUE INDEX `municipalities_sort_key_unique` ON `municipalities` (`sort_key`);--> statement-breakpoint
CREATE TABLE `__new_people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`last_name` text NOT NULL,
	`first_name` text NOT NULL,
	`middle_name` text DEFAULT '' NOT NULL,
	`position` text DEFAULT '' NOT NULL,
	`organization_id` integer,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`pd_consent` integer DEFAULT false NOT NULL,
	`pd_consent_date` text,
	`gender` text,
	`search_text` text NOT NULL,
	`sort_key` text NOT NULL,
	`position_sort_key` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "people_gender_values" CHECK("gender" IN ('male', 'female'))
);
--> statement-breakpoint
INSERT INTO `__new_people`("id", "last_name", "first_name", "middle_name", "position", "organization_id", "phone", "email", "pd_consent", "pd_consent_date", "gender", "search_text", "sort_key", "position_sort_key", "created_at", "updated_at") SELECT "id", "last_name", "first_name", "middle_name", "position", "organization_id", "phone", "email", "pd_consent", "pd_consent_date", "gender", "search_text", "sort_key", "position_sort_key", "created_at", "updated_at" FROM `people`;--> statement-breakpoint
DROP TABLE `people`;--> statement-breakpoint
ALTER TABLE `__new_people` RENAME TO `people`;--> statement-breakpoint
CREATE INDEX `people_sort_key` ON `people` (`sort_key`);--> statement-breakpoint
CREATE INDEX `people_organization` ON `people` (`organization_id`,`sort_key`);--> statement-breakpoint
CREATE TABLE `__new_export_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`started_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`finished_at` text,
	`kinds` text NOT NULL,
	`target_folder` text NOT NULL,
	`center_code` text NOT NULL,
	`year` integer NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`origin` text DEFAULT 'ui' NOT NULL,
	`files` text DEFAULT '[]' NOT NULL,
	`leftovers` text DEFAULT '[]' NOT NULL,
	`error_message` text,
	`retry_of` integer,
	`owner_pid` integer,
	`heartbeat_at` text,
	FOREIGN KEY (`retry_of`) REFERENCES `export_log`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "export_log_kinds_json" CHECK(json_valid("kinds") AND json_type("kinds") = 'array'),
	CONSTRAINT "export_log_status_values" CHECK("status" IN ('running', 'ok', 'failed', 'cancelled')),
	CONSTRAINT "export_log_origin_values" CHECK("origin" IN ('ui', 'cli')),
	CONSTRAINT "export_log_files_json" CHECK(json_valid("files") AND json_type("files") = 'array'),
	CONSTRAINT "export_log_leftovers_json" CHECK(json_valid("leftovers") AND json_type("leftovers") = 'array')
);
--> statement-breakpoint
INSERT INTO `__new_export_log`("id", "started_at", "finished_at", "kinds", "target_folder", "center_code", "year", "status", "origin", "files", "leftovers", "error_message", "retry_of", "owner_pid", "heartbeat_at") SELECT "id", "started_at", "finished_at", "kinds", "target_folder", "center_code", "year", "status", "origin", "files", "leftovers", "error_message", "retry_of", "owner_pid", "heartbeat_at" FROM `export_log`;--> statement-breakpoint
DROP TABLE `export_log`;--> statement-breakpoint
ALTER TABLE `__new_export_log` RENAME TO `export_log`;--> statement-breakpoint
CREATE INDEX `export_log_started` ON `export_log` (`started_at`);--> statement-breakpoint
CREATE TABLE `__new_plan_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`direction` text NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`form_id` integer NOT NULL,
	`term_kind` text NOT NULL,
	`term_value` text DEFAULT '' NOT NULL,
	`term_start` text NOT NULL,
	`term_end` text NOT NULL,
	`target_audience` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`result_note` text DEFAULT '' NOT NULL,
	`recurring` integer DEFAULT false NOT NULL,
	`search_text` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `work_plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`form_id`) REFERENCES `list_values`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "plan_items_position_positive" CHECK("position" > 0),
	CONSTRAINT "plan_items_direction_values" CHECK("direction" IN ('organizational', 'educational', 'informational')),
	CONSTRAINT "plan_items_term_kind_values" CHECK("term_kind" IN ('date', 'month', 'quarter', 'year')),
	CONSTRAINT "plan_items_status_values" CHECK("status" IN ('planned', 'done', 'moved', 'cancelled'))
);
--> statement-breakpoint
-- hand edit: see the header.
INSERT INTO `__new_plan_items`("id", "plan_id", "direction", "position", "title", "form_id", "term_kind", "term_value", "term_start", "term_end", "target_audience", "status", "result_note", "recurring", "search_text", "created_at", "updated_at") SELECT "id", "plan_id", "direction", row_number() OVER (PARTITION BY "plan_id", "direction" ORDER BY "position", "id"), "title", (SELECT "id" FROM "list_values" WHERE "list" = 'planForms' AND "value" = "plan_items"."form"), "term_kind", "term_value", "term_start", "term_end", "target_audience", "status", "result_note", "recurring", "search_text", "created_at", "updated_at" FROM `plan_items`;--> statement-breakpoint
DROP TABLE `plan_items`;--> statement-breakpoint
ALTER TABLE `__new_plan_items` RENAME TO `plan_items`;--> statement-breakpoint
CREATE UNIQUE INDEX `plan_items_position_unique` ON `plan_items` (`plan_id`,`direction`,`position`);--> statement-breakpoint
CREATE INDEX `plan_items_term` ON `plan_items` (`plan_id`,`term_start`);--> statement-breakpoint
CREATE INDEX `plan_items_form` ON `plan_items` (`form_id`);--> statement-breakpoint
CREATE TABLE `__new_agenda_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	`planned_minutes` integer,
	`heard_text` text DEFAULT '' NOT NULL,
	`report_attached` integer DEFAULT false NOT NULL,
	`carried_from_meeting_id` integer,
	`control_review` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`carried_from_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "agenda_items_position_positive" CHECK("position" > 0)
);
--> statement-breakpoint
-- hand edit: see the header.
INSERT INTO `__new_agenda_items`("id", "meeting_id", "position", "title", "search_text", "planned_minutes", "heard_text", "report_attached", "carried_from_meeting_id", "control_review") SELECT "id", "meeting_id", row_number() OVER (PARTITION BY "meeting_id" ORDER BY "position", "id"), "title", "search_text", "planned_minutes", "heard_text", "report_attached", "carried_from_meeting_id", "control_review" FROM `agenda_items`;--> statement-breakpoint
DROP TABLE `agenda_items`;--> statement-breakpoint
ALTER TABLE `__new_agenda_items` RENAME TO `agenda_items`;--> statement-breakpoint
CREATE UNIQUE INDEX `agenda_items_position_unique` ON `agenda_items` (`meeting_id`,`position`);--> statement-breakpoint
CREATE TABLE `__new_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agenda_item_id` integer NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	`votes_for` integer,
	`votes_against` integer,
	`votes_abstained` integer,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "decisions_position_positive" CHECK("position" > 0)
);
--> statement-breakpoint
-- hand edit: see the header.
INSERT INTO `__new_decisions`("id", "agenda_item_id", "position", "text", "search_text", "votes_for", "votes_against", "votes_abstained") SELECT "id", "agenda_item_id", row_number() OVER (PARTITION BY "agenda_item_id" ORDER BY "position", "id"), "text", "search_text", "votes_for", "votes_against", "votes_abstained" FROM `decisions`;--> statement-breakpoint
DROP TABLE `decisions`;--> statement-breakpoint
ALTER TABLE `__new_decisions` RENAME TO `decisions`;--> statement-breakpoint
CREATE UNIQUE INDEX `decisions_position_unique` ON `decisions` (`agenda_item_id`,`position`);--> statement-breakpoint
CREATE TABLE `__new_app_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	CONSTRAINT "app_settings_value_json" CHECK(json_valid("value"))
);
--> statement-breakpoint
INSERT INTO `__new_app_settings`("key", "value") SELECT "key", "value" FROM `app_settings`;--> statement-breakpoint
DROP TABLE `app_settings`;--> statement-breakpoint
ALTER TABLE `__new_app_settings` RENAME TO `app_settings`;--> statement-breakpoint
CREATE TABLE `__new_organizations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`full_name` text NOT NULL,
	`short_name` text DEFAULT '' NOT NULL,
	`type` text NOT NULL,
	`municipality_id` integer,
	`address` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`search_text` text NOT NULL,
	`sort_key` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "organizations_type_values" CHECK("type" IN ('guardianship', 'education', 'juvenileCommission', 'police', 'socialProtection', 'healthcare', 'ngo', 'business', 'administration', 'other'))
);
--> statement-breakpoint
INSERT INTO `__new_organizations`("id", "full_name", "short_name", "type", "municipality_id", "address", "phone", "email", "search_text", "sort_key", "created_at", "updated_at") SELECT "id", "full_name", "short_name", "type", "municipality_id", "address", "phone", "email", "search_text", "sort_key", "created_at", "updated_at" FROM `organizations`;--> statement-breakpoint
DROP TABLE `organizations`;--> statement-breakpoint
ALTER TABLE `__new_organizations` RENAME TO `organizations`;--> statement-breakpoint
CREATE INDEX `organizations_sort_key` ON `organizations` (`sort_key`);--> statement-breakpoint
CREATE INDEX `organizations_type` ON `organizations` (`type`,`sort_key`);--> statement-breakpoint
CREATE INDEX `organizations_municipality` ON `organizations` (`municipality_id`,`sort_key`);--> statement-breakpoint
CREATE TABLE `__new_work_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`approved_on` text,
	`approved_snapshot` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "work_plans_approved_snapshot_json" CHECK(json_valid("approved_snapshot") AND json_type("approved_snapshot") = 'object')
);
--> statement-breakpoint
INSERT INTO `__new_work_plans`("id", "year", "approved_on", "approved_snapshot", "created_at") SELECT "id", "year", "approved_on", "approved_snapshot", "created_at" FROM `work_plans`;--> statement-breakpoint
DROP TABLE `work_plans`;--> statement-breakpoint
ALTER TABLE `__new_work_plans` RENAME TO `work_plans`;--> statement-breakpoint
CREATE UNIQUE INDEX `work_plans_year_unique` ON `work_plans` (`year`);--> statement-breakpoint
CREATE TABLE `__new_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`decision_id` integer NOT NULL,
	`due_date` text,
	`permanent` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'inProgress' NOT NULL,
	`completion_note` text DEFAULT '' NOT NULL,
	`completed_on` text,
	FOREIGN KEY (`decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "assignments_due" CHECK("__new_assignments"."permanent" = 1 OR "__new_assignments"."due_date" IS NOT NULL),
	CONSTRAINT "assignments_status_values" CHECK("status" IN ('inProgress', 'done', 'withdrawn'))
);
--> statement-breakpoint
INSERT INTO `__new_assignments`("id", "decision_id", "due_date", "permanent", "status", "completion_note", "completed_on") SELECT "id", "decision_id", "due_date", "permanent", "status", "completion_note", "completed_on" FROM `assignments`;--> statement-breakpoint
DROP TABLE `assignments`;--> statement-breakpoint
ALTER TABLE `__new_assignments` RENAME TO `assignments`;--> statement-breakpoint
CREATE UNIQUE INDEX `assignments_decision_unique` ON `assignments` (`decision_id`);--> statement-breakpoint
CREATE INDEX `assignments_status` ON `assignments` (`status`,`due_date`);--> statement-breakpoint
CREATE TABLE `__new_plan_item_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_item_id` integer NOT NULL,
	`kind` text NOT NULL,
	`meeting_id` integer,
	`agenda_item_id` integer,
	FOREIGN KEY (`plan_item_id`) REFERENCES `plan_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "plan_item_links_kind" CHECK(("__new_plan_item_links"."kind" = 'meeting' AND "__new_plan_item_links"."meeting_id" IS NOT NULL AND "__new_plan_item_links"."agenda_item_id" IS NULL) OR ("__new_plan_item_links"."kind" = 'agendaItem' AND "__new_plan_item_links"."agenda_item_id" IS NOT NULL AND "__new_plan_item_links"."meeting_id" IS NULL)),
	CONSTRAINT "plan_item_links_kind_values" CHECK("kind" IN ('meeting', 'agendaItem'))
);
--> statement-breakpoint
INSERT INTO `__new_plan_item_links`("id", "plan_item_id", "kind", "meeting_id", "agenda_item_id") SELECT "id", "plan_item_id", "kind", "meeting_id", "agenda_item_id" FROM `plan_item_links`;--> statement-breakpoint
DROP TABLE `plan_item_links`;--> statement-breakpoint
ALTER TABLE `__new_plan_item_links` RENAME TO `plan_item_links`;--> statement-breakpoint
CREATE UNIQUE INDEX `plan_item_links_meeting_unique` ON `plan_item_links` (`plan_item_id`,`meeting_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `plan_item_links_agenda_item_unique` ON `plan_item_links` (`plan_item_id`,`agenda_item_id`);--> statement-breakpoint
CREATE INDEX `plan_item_links_by_meeting` ON `plan_item_links` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `plan_item_links_by_agenda_item` ON `plan_item_links` (`agenda_item_id`);--> statement-breakpoint
CREATE TABLE `__new_undo_journal` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`label` text NOT NULL,
	`payload` text NOT NULL,
	`undone_at` text,
	CONSTRAINT "undo_journal_payload_json" CHECK(json_valid("payload") AND json_type("payload") = 'object')
);
--> statement-breakpoint
INSERT INTO `__new_undo_journal`("id", "created_at", "label", "payload", "undone_at") SELECT "id", "created_at", "label", "payload", "undone_at" FROM `undo_journal`;--> statement-breakpoint
DROP TABLE `undo_journal`;--> statement-breakpoint
ALTER TABLE `__new_undo_journal` RENAME TO `undo_journal`;--> statement-breakpoint
CREATE INDEX `undo_journal_created` ON `undo_journal` (`created_at`);