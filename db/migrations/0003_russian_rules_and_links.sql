-- Keys, the municipalities' name parts, people's gender and the plan notes written by the old code
-- are recomputed after this file by db/dataSteps.ts (TypeScript: the Russian text rules).
CREATE TABLE `plan_item_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_item_id` integer NOT NULL,
	`kind` text NOT NULL,
	`meeting_id` integer,
	`agenda_item_id` integer,
	FOREIGN KEY (`plan_item_id`) REFERENCES `plan_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "plan_item_links_kind" CHECK(("plan_item_links"."kind" = 'meeting' AND "plan_item_links"."meeting_id" IS NOT NULL AND "plan_item_links"."agenda_item_id" IS NULL) OR ("plan_item_links"."kind" = 'agendaItem' AND "plan_item_links"."agenda_item_id" IS NOT NULL AND "plan_item_links"."meeting_id" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_item_links_meeting_unique` ON `plan_item_links` (`plan_item_id`,`meeting_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `plan_item_links_agenda_item_unique` ON `plan_item_links` (`plan_item_id`,`agenda_item_id`);--> statement-breakpoint
CREATE INDEX `plan_item_links_by_meeting` ON `plan_item_links` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `plan_item_links_by_agenda_item` ON `plan_item_links` (`agenda_item_id`);--> statement-breakpoint
-- «Реализует» was two columns (meetings.plan_item_id, agenda_items.plan_item_id): each becomes a link row before the columns go.
INSERT INTO `plan_item_links` (`plan_item_id`, `kind`, `meeting_id`) SELECT `plan_item_id`, 'meeting', `id` FROM `meetings` WHERE `plan_item_id` IN (SELECT `id` FROM `plan_items`);--> statement-breakpoint
INSERT INTO `plan_item_links` (`plan_item_id`, `kind`, `agenda_item_id`) SELECT `plan_item_id`, 'agendaItem', `id` FROM `agenda_items` WHERE `plan_item_id` IN (SELECT `id` FROM `plan_items`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
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
	FOREIGN KEY (`carried_from_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
INSERT INTO `__new_agenda_items`("id", "meeting_id", "position", "title", "search_text", "planned_minutes", "heard_text", "report_attached", "carried_from_meeting_id") SELECT "id", "meeting_id", "position", "title", "search_text", "planned_minutes", "heard_text", "report_attached", "carried_from_meeting_id" FROM `agenda_items`;--> statement-breakpoint
DROP TABLE `agenda_items`;--> statement-breakpoint
ALTER TABLE `__new_agenda_items` RENAME TO `agenda_items`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `agenda_items_meeting` ON `agenda_items` (`meeting_id`,`position`);--> statement-breakpoint
-- The control item was recognised by its title; from now on it is marked. Its title is recognised this once.
UPDATE `agenda_items` SET `control_review` = 1 WHERE `title` = 'О ходе исполнения решений предыдущих заседаний';--> statement-breakpoint
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
	FOREIGN KEY (`group_id`) REFERENCES `working_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`chair_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`secretary_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meetings_number_positive" CHECK("__new_meetings"."number" > 0)
);
--> statement-breakpoint
INSERT INTO `__new_meetings`("id", "group_id", "kind", "year", "number", "date_start", "date_end", "time", "town", "address", "chair_id", "secretary_id", "status", "signed_at", "signed_snapshot", "created_at", "updated_at") SELECT "id", "group_id", "kind", "year", "number", "date_start", "date_end", "time", "town", "address", "chair_id", "secretary_id", "status", "signed_at", "signed_snapshot", "created_at", "updated_at" FROM `meetings`;--> statement-breakpoint
DROP TABLE `meetings`;--> statement-breakpoint
ALTER TABLE `__new_meetings` RENAME TO `meetings`;--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_group_year_number_unique` ON `meetings` (`group_id`,`year`,`number`);--> statement-breakpoint
CREATE INDEX `meetings_date` ON `meetings` (`date_start`);--> statement-breakpoint
CREATE TABLE `__new_municipalities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`sort_key` text NOT NULL,
	`in_segment` integer DEFAULT true NOT NULL,
	`type` text DEFAULT 'none' NOT NULL,
	`proper_name` text DEFAULT '' NOT NULL,
	`forms` text DEFAULT '{}' NOT NULL,
	`forms_confirmed` integer DEFAULT false NOT NULL,
	CONSTRAINT "municipalities_type" CHECK("type" IN ('district', 'municipalDistrict', 'municipalOkrug', 'city', 'urbanOkrug', 'township', 'village', 'selsovet', 'region', 'none'))
);
--> statement-breakpoint
INSERT INTO `__new_municipalities`("id", "name", "sort_key", "in_segment") SELECT "id", "name", "sort_key", "in_segment" FROM `municipalities`;--> statement-breakpoint
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
	CONSTRAINT "people_gender" CHECK("__new_people"."gender" IS NULL OR "__new_people"."gender" IN ('male', 'female'))
);
--> statement-breakpoint
INSERT INTO `__new_people`("id", "last_name", "first_name", "middle_name", "position", "organization_id", "phone", "email", "pd_consent", "pd_consent_date", "search_text", "sort_key", "created_at", "updated_at") SELECT "id", "last_name", "first_name", "middle_name", "position", "organization_id", "phone", "email", "pd_consent", "pd_consent_date", "search_text", "sort_key", "created_at", "updated_at" FROM `people`;--> statement-breakpoint
DROP TABLE `people`;--> statement-breakpoint
ALTER TABLE `__new_people` RENAME TO `people`;--> statement-breakpoint
CREATE INDEX `people_sort_key` ON `people` (`sort_key`);--> statement-breakpoint
CREATE INDEX `people_organization` ON `people` (`organization_id`,`sort_key`);--> statement-breakpoint
ALTER TABLE `plan_items` ADD `recurring` integer DEFAULT false NOT NULL;