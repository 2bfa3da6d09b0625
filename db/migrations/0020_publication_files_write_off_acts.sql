CREATE TABLE `publication_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`publication_id` integer NOT NULL,
	`version` integer NOT NULL,
	`file_hash` text NOT NULL,
	`added_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`publication_id`) REFERENCES `publications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`file_hash`) REFERENCES `stored_files`(`hash`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "publication_files_version_positive" CHECK("publication_files"."version" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `publication_files_version_unique` ON `publication_files` (`publication_id`,`version`);--> statement-breakpoint
CREATE INDEX `publication_files_hash` ON `publication_files` (`file_hash`);--> statement-breakpoint
CREATE TABLE `write_off_act_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`act_id` integer NOT NULL,
	`publication_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`position` integer NOT NULL,
	`movement_id` integer,
	FOREIGN KEY (`act_id`) REFERENCES `write_off_acts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`publication_id`) REFERENCES `publications`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`movement_id`) REFERENCES `publication_movements`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "write_off_act_lines_position_positive" CHECK("position" > 0),
	CONSTRAINT "write_off_act_lines_quantity" CHECK("write_off_act_lines"."quantity" > 0 AND "write_off_act_lines"."quantity" = CAST("write_off_act_lines"."quantity" AS INTEGER))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `write_off_act_lines_unique` ON `write_off_act_lines` (`act_id`,`publication_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `write_off_act_lines_position_unique` ON `write_off_act_lines` (`act_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `write_off_act_lines_movement_unique` ON `write_off_act_lines` (`movement_id`);--> statement-breakpoint
CREATE INDEX `write_off_act_lines_publication` ON `write_off_act_lines` (`publication_id`);--> statement-breakpoint
CREATE TABLE `write_off_act_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`act_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`chair` integer DEFAULT false NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`act_id`) REFERENCES `write_off_acts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "write_off_act_members_position_positive" CHECK("position" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `write_off_act_members_unique` ON `write_off_act_members` (`act_id`,`person_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `write_off_act_members_position_unique` ON `write_off_act_members` (`act_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `write_off_act_members_one_chair` ON `write_off_act_members` (`act_id`) WHERE chair = 1;--> statement-breakpoint
CREATE INDEX `write_off_act_members_person` ON `write_off_act_members` (`person_id`);--> statement-breakpoint
CREATE TABLE `write_off_acts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`act_date` text NOT NULL,
	`reason` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`year` integer,
	`number` integer,
	`signed_at` text,
	`approver_name` text DEFAULT '' NOT NULL,
	`approver_position` text DEFAULT '' NOT NULL,
	`signed_copy` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "write_off_acts_date" CHECK("write_off_acts"."act_date" GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	CONSTRAINT "write_off_acts_signed" CHECK(("write_off_acts"."status" = 'draft' AND "write_off_acts"."number" IS NULL AND "write_off_acts"."year" IS NULL AND "write_off_acts"."signed_at" IS NULL AND "write_off_acts"."signed_copy" IS NULL) OR ("write_off_acts"."status" = 'signed' AND "write_off_acts"."number" > 0 AND "write_off_acts"."year" = CAST(substr("write_off_acts"."act_date", 1, 4) AS INTEGER) AND "write_off_acts"."signed_at" IS NOT NULL AND "write_off_acts"."signed_copy" IS NOT NULL)),
	CONSTRAINT "write_off_acts_status_values" CHECK("status" IN ('draft', 'signed')),
	CONSTRAINT "write_off_acts_signed_copy_json" CHECK(json_valid("signed_copy") AND json_type("signed_copy") = 'object')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `write_off_acts_year_number_unique` ON `write_off_acts` (`year`,`number`);