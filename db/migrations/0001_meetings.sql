CREATE TABLE `agenda_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	`planned_minutes` integer,
	`heard_text` text DEFAULT '' NOT NULL,
	`report_attached` integer DEFAULT false NOT NULL,
	`carried_from_meeting_id` integer,
	`plan_item_id` integer,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`carried_from_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`plan_item_id`) REFERENCES `plan_items`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `agenda_items_meeting` ON `agenda_items` (`meeting_id`,`position`);--> statement-breakpoint
CREATE TABLE `agenda_speakers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agenda_item_id` integer NOT NULL,
	`position` integer NOT NULL,
	`person_id` integer,
	`name` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agenda_speakers_item` ON `agenda_speakers` (`agenda_item_id`,`position`);--> statement-breakpoint
CREATE INDEX `agenda_speakers_person` ON `agenda_speakers` (`person_id`);--> statement-breakpoint
CREATE TABLE `assignment_organizations` (
	`assignment_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	PRIMARY KEY(`assignment_id`, `organization_id`),
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assignment_organizations_org` ON `assignment_organizations` (`organization_id`);--> statement-breakpoint
CREATE TABLE `assignment_people` (
	`assignment_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	PRIMARY KEY(`assignment_id`, `person_id`),
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assignment_people_person` ON `assignment_people` (`person_id`);--> statement-breakpoint
CREATE TABLE `assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`decision_id` integer NOT NULL,
	`due_date` text,
	`permanent` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'inProgress' NOT NULL,
	`completion_note` text DEFAULT '' NOT NULL,
	`completed_on` text,
	FOREIGN KEY (`decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "assignments_due" CHECK("assignments"."permanent" = 1 OR "assignments"."due_date" IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assignments_decision_unique` ON `assignments` (`decision_id`);--> statement-breakpoint
CREATE INDEX `assignments_status` ON `assignments` (`status`,`due_date`);--> statement-breakpoint
CREATE TABLE `decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agenda_item_id` integer NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	`votes_for` integer,
	`votes_against` integer,
	`votes_abstained` integer,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `decisions_item` ON `decisions` (`agenda_item_id`,`position`);--> statement-breakpoint
CREATE TABLE `discussion_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agenda_item_id` integer NOT NULL,
	`position` integer NOT NULL,
	`person_id` integer,
	`name` text DEFAULT '' NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `discussion_entries_item` ON `discussion_entries` (`agenda_item_id`,`position`);--> statement-breakpoint
CREATE INDEX `discussion_entries_person` ON `discussion_entries` (`person_id`);--> statement-breakpoint
CREATE TABLE `meeting_attendees` (
	`meeting_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`present` integer DEFAULT true NOT NULL,
	`absence_reason` text DEFAULT '' NOT NULL,
	`late` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`meeting_id`, `person_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_attendees_person` ON `meeting_attendees` (`person_id`);--> statement-breakpoint
CREATE TABLE `meeting_guests` (
	`meeting_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `person_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_guests_person` ON `meeting_guests` (`person_id`);--> statement-breakpoint
CREATE TABLE `meeting_unlocks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`reason` text NOT NULL,
	`unlocked_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `meeting_unlocks_meeting` ON `meeting_unlocks` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
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
	`plan_item_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `working_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`chair_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`secretary_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_item_id`) REFERENCES `plan_items`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "meetings_number_positive" CHECK("meetings"."number" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_group_year_number_unique` ON `meetings` (`group_id`,`year`,`number`);--> statement-breakpoint
CREATE INDEX `meetings_date` ON `meetings` (`date_start`);--> statement-breakpoint
CREATE TABLE `working_group_members` (
	`group_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	PRIMARY KEY(`group_id`, `person_id`),
	FOREIGN KEY (`group_id`) REFERENCES `working_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `working_group_members_person` ON `working_group_members` (`person_id`);--> statement-breakpoint
CREATE TABLE `working_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`name_genitive` text NOT NULL,
	`chair_id` integer,
	`deputy_chair_id` integer,
	`secretary_id` integer,
	`sort_key` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`chair_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deputy_chair_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`secretary_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `working_groups_sort_key_unique` ON `working_groups` (`sort_key`);