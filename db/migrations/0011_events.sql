CREATE TABLE `event_participants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`registration_number` integer NOT NULL,
	`role` text DEFAULT 'participant' NOT NULL,
	`status` text DEFAULT 'registered' NOT NULL,
	`organization_id` integer,
	`position` text DEFAULT '' NOT NULL,
	`source` text DEFAULT 'manual' NOT NULL,
	`import_run_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "event_participants_number_positive" CHECK("event_participants"."registration_number" > 0),
	CONSTRAINT "event_participants_role_values" CHECK("role" IN ('participant', 'speaker', 'moderator', 'organizer')),
	CONSTRAINT "event_participants_status_values" CHECK("status" IN ('registered', 'attended', 'noShow', 'cancelled')),
	CONSTRAINT "event_participants_source_values" CHECK("source" IN ('manual', 'walkIn', 'import'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_participants_person_unique` ON `event_participants` (`event_id`,`person_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `event_participants_number_unique` ON `event_participants` (`event_id`,`registration_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `event_participants_event_id_unique` ON `event_participants` (`event_id`,`id`);--> statement-breakpoint
CREATE INDEX `event_participants_person` ON `event_participants` (`person_id`);--> statement-breakpoint
CREATE INDEX `event_participants_organization` ON `event_participants` (`organization_id`);--> statement-breakpoint
CREATE TABLE `event_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`day` text NOT NULL,
	`time_start` text DEFAULT '' NOT NULL,
	`time_end` text DEFAULT '' NOT NULL,
	`topic` text DEFAULT '' NOT NULL,
	`required` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "event_sessions_day" CHECK("event_sessions"."day" GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	CONSTRAINT "event_sessions_time" CHECK(("event_sessions"."time_start" = '' OR "event_sessions"."time_start" GLOB '[0-2][0-9]:[0-5][0-9]') AND ("event_sessions"."time_end" = '' OR ("event_sessions"."time_end" GLOB '[0-2][0-9]:[0-5][0-9]' AND "event_sessions"."time_start" <> '' AND "event_sessions"."time_end" > "event_sessions"."time_start")))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_sessions_event_id_unique` ON `event_sessions` (`event_id`,`id`);--> statement-breakpoint
CREATE INDEX `event_sessions_order` ON `event_sessions` (`event_id`,`day`,`time_start`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type_id` integer NOT NULL,
	`center_role` text NOT NULL,
	`title` text NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`first_day` text NOT NULL,
	`last_day` text NOT NULL,
	`municipality_id` integer,
	`venue` text DEFAULT '' NOT NULL,
	`organizer_id` integer,
	`organizer_name` text DEFAULT '' NOT NULL,
	`level` text NOT NULL,
	`format` text DEFAULT 'inPerson' NOT NULL,
	`audience` text DEFAULT 'specialists' NOT NULL,
	`programme_id` integer,
	`completion_rule` text DEFAULT 'share' NOT NULL,
	`completion_percent` integer DEFAULT 100 NOT NULL,
	`hours` integer,
	`population_registered` integer,
	`population_completed` integer,
	`notes` text DEFAULT '' NOT NULL,
	`copied_from_id` integer,
	`search_text` text NOT NULL,
	`sort_key` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`type_id`) REFERENCES `list_values`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`organizer_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`programme_id`) REFERENCES `list_values`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`copied_from_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "events_days_order" CHECK("events"."first_day" <= "events"."last_day"),
	CONSTRAINT "events_completion_percent" CHECK("events"."completion_percent" BETWEEN 1 AND 100),
	CONSTRAINT "events_hours" CHECK("events"."hours" IS NULL OR "events"."hours" BETWEEN 1 AND 1000),
	CONSTRAINT "events_population_totals" CHECK(("events"."audience" = 'population' OR ("events"."population_registered" IS NULL AND "events"."population_completed" IS NULL)) AND ("events"."population_registered" IS NULL OR "events"."population_registered" >= 0) AND ("events"."population_completed" IS NULL OR ("events"."population_registered" IS NOT NULL AND "events"."population_completed" BETWEEN 0 AND "events"."population_registered"))),
	CONSTRAINT "events_center_role_values" CHECK("center_role" IN ('organizer', 'coOrganizer', 'participant', 'speaker')),
	CONSTRAINT "events_status_values" CHECK("status" IN ('planned', 'held', 'cancelled')),
	CONSTRAINT "events_level_values" CHECK("level" IN ('municipal', 'regional', 'interregional', 'national', 'international')),
	CONSTRAINT "events_format_values" CHECK("format" IN ('inPerson', 'remote', 'mixed')),
	CONSTRAINT "events_audience_values" CHECK("audience" IN ('specialists', 'population')),
	CONSTRAINT "events_completion_rule_values" CHECK("completion_rule" IN ('share', 'requiredSessions'))
);
--> statement-breakpoint
CREATE INDEX `events_days` ON `events` (`first_day`,`last_day`);--> statement-breakpoint
CREATE INDEX `events_type` ON `events` (`type_id`);--> statement-breakpoint
CREATE INDEX `events_programme` ON `events` (`programme_id`);--> statement-breakpoint
CREATE INDEX `events_organizer` ON `events` (`organizer_id`);--> statement-breakpoint
CREATE INDEX `events_municipality` ON `events` (`municipality_id`);--> statement-breakpoint
CREATE INDEX `events_copied_from` ON `events` (`copied_from_id`);--> statement-breakpoint
CREATE TABLE `session_counts` (
	`session_id` integer NOT NULL,
	`category_id` integer NOT NULL,
	`present` integer NOT NULL,
	PRIMARY KEY(`session_id`, `category_id`),
	FOREIGN KEY (`session_id`) REFERENCES `event_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `list_values`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "session_counts_present" CHECK("session_counts"."present" BETWEEN 0 AND 100000)
);
--> statement-breakpoint
CREATE INDEX `session_counts_category` ON `session_counts` (`category_id`);--> statement-breakpoint
CREATE TABLE `session_marks` (
	`event_id` integer NOT NULL,
	`session_id` integer NOT NULL,
	`participant_id` integer NOT NULL,
	`mark` text NOT NULL,
	PRIMARY KEY(`session_id`, `participant_id`),
	FOREIGN KEY (`event_id`,`session_id`) REFERENCES `event_sessions`(`event_id`,`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`,`participant_id`) REFERENCES `event_participants`(`event_id`,`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "session_marks_mark_values" CHECK("mark" IN ('present', 'absent', 'excused'))
);
--> statement-breakpoint
CREATE INDEX `session_marks_event` ON `session_marks` (`event_id`);--> statement-breakpoint
CREATE INDEX `session_marks_participant` ON `session_marks` (`participant_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_list_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`list` text NOT NULL,
	`value` text NOT NULL,
	`folded_value` text NOT NULL,
	`position` integer NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "list_values_position_positive" CHECK("position" > 0),
	CONSTRAINT "list_values_list_values" CHECK("list" IN ('planForms', 'eventTypes', 'eventProgrammes', 'audienceCategories'))
);
--> statement-breakpoint
INSERT INTO `__new_list_values`("id", "list", "value", "folded_value", "position", "archived", "created_at", "updated_at") SELECT "id", "list", "value", "folded_value", "position", "archived", "created_at", "updated_at" FROM `list_values`;--> statement-breakpoint
DROP TABLE `list_values`;--> statement-breakpoint
ALTER TABLE `__new_list_values` RENAME TO `list_values`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `list_values_folded_unique` ON `list_values` (`list`,`folded_value`);--> statement-breakpoint
CREATE UNIQUE INDEX `list_values_position_unique` ON `list_values` (`list`,`position`);--> statement-breakpoint
CREATE TABLE `__new_plan_item_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_item_id` integer NOT NULL,
	`kind` text NOT NULL,
	`meeting_id` integer,
	`agenda_item_id` integer,
	`event_id` integer,
	FOREIGN KEY (`plan_item_id`) REFERENCES `plan_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "plan_item_links_kind" CHECK(("__new_plan_item_links"."kind" = 'meeting' AND "__new_plan_item_links"."meeting_id" IS NOT NULL AND "__new_plan_item_links"."agenda_item_id" IS NULL AND "__new_plan_item_links"."event_id" IS NULL) OR ("__new_plan_item_links"."kind" = 'agendaItem' AND "__new_plan_item_links"."agenda_item_id" IS NOT NULL AND "__new_plan_item_links"."meeting_id" IS NULL AND "__new_plan_item_links"."event_id" IS NULL) OR ("__new_plan_item_links"."kind" = 'event' AND "__new_plan_item_links"."event_id" IS NOT NULL AND "__new_plan_item_links"."meeting_id" IS NULL AND "__new_plan_item_links"."agenda_item_id" IS NULL)),
	CONSTRAINT "plan_item_links_kind_values" CHECK("kind" IN ('meeting', 'agendaItem', 'event'))
);
--> statement-breakpoint
-- hand edit: the old table has no event_id; every existing link is a meeting's or an agenda question's.
INSERT INTO `__new_plan_item_links`("id", "plan_item_id", "kind", "meeting_id", "agenda_item_id", "event_id") SELECT "id", "plan_item_id", "kind", "meeting_id", "agenda_item_id", NULL FROM `plan_item_links`;--> statement-breakpoint
DROP TABLE `plan_item_links`;--> statement-breakpoint
ALTER TABLE `__new_plan_item_links` RENAME TO `plan_item_links`;--> statement-breakpoint
CREATE UNIQUE INDEX `plan_item_links_meeting_unique` ON `plan_item_links` (`plan_item_id`,`meeting_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `plan_item_links_agenda_item_unique` ON `plan_item_links` (`plan_item_id`,`agenda_item_id`);--> statement-breakpoint
CREATE INDEX `plan_item_links_by_meeting` ON `plan_item_links` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `plan_item_links_by_agenda_item` ON `plan_item_links` (`agenda_item_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `plan_item_links_event_unique` ON `plan_item_links` (`event_id`);