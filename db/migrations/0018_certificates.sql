CREATE TABLE `certificate_layout` (
	`id` integer PRIMARY KEY NOT NULL,
	`settings` text NOT NULL,
	`logo_hash` text,
	FOREIGN KEY (`logo_hash`) REFERENCES `stored_files`(`hash`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "certificate_layout_single_row" CHECK("certificate_layout"."id" = 1),
	CONSTRAINT "certificate_layout_settings_json" CHECK(json_valid("settings") AND json_type("settings") = 'object')
);
--> statement-breakpoint
CREATE TABLE `certificates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`number` integer NOT NULL,
	`event_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`issued_on` text NOT NULL,
	`snapshot` text NOT NULL,
	`annulled_on` text,
	`annul_reason` text DEFAULT '' NOT NULL,
	`replaces_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`replaces_id`) REFERENCES `certificates`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`event_id`,`person_id`) REFERENCES `event_participants`(`event_id`,`person_id`) ON UPDATE cascade ON DELETE restrict,
	CONSTRAINT "certificates_number_positive" CHECK("certificates"."number" > 0),
	CONSTRAINT "certificates_issued_on" CHECK("certificates"."issued_on" GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	CONSTRAINT "certificates_year" CHECK("certificates"."year" BETWEEN 2000 AND 2100 AND "certificates"."year" = CAST(substr("certificates"."issued_on", 1, 4) AS INTEGER)),
	CONSTRAINT "certificates_annulment" CHECK(("certificates"."annulled_on" IS NULL AND "certificates"."annul_reason" = '') OR ("certificates"."annulled_on" IS NOT NULL AND "certificates"."annul_reason" <> '' AND "certificates"."annulled_on" >= "certificates"."issued_on")),
	CONSTRAINT "certificates_snapshot_json" CHECK(json_valid("snapshot") AND json_type("snapshot") = 'object')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_year_number_unique` ON `certificates` (`year`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_valid_unique` ON `certificates` (`event_id`,`person_id`) WHERE annulled_on IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_replaces_unique` ON `certificates` (`replaces_id`);--> statement-breakpoint
CREATE INDEX `certificates_person` ON `certificates` (`person_id`);