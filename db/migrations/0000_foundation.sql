CREATE TABLE `app_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `center_profile` (
	`id` integer PRIMARY KEY NOT NULL,
	`full_name` text DEFAULT '' NOT NULL,
	`short_name` text DEFAULT '' NOT NULL,
	`director_name` text DEFAULT '' NOT NULL,
	`director_position` text DEFAULT 'Директор' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`segment` text DEFAULT '' NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "center_profile_single_row" CHECK("center_profile"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `municipalities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`sort_key` text NOT NULL,
	`in_segment` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `municipalities_sort_key_unique` ON `municipalities` (`sort_key`);--> statement-breakpoint
CREATE TABLE `organizations` (
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
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `organizations_sort_key` ON `organizations` (`sort_key`);--> statement-breakpoint
CREATE INDEX `organizations_type` ON `organizations` (`type`,`sort_key`);--> statement-breakpoint
CREATE INDEX `organizations_municipality` ON `organizations` (`municipality_id`,`sort_key`);--> statement-breakpoint
CREATE TABLE `people` (
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
	`search_text` text NOT NULL,
	`sort_key` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `people_sort_key` ON `people` (`sort_key`);--> statement-breakpoint
CREATE INDEX `people_organization` ON `people` (`organization_id`,`sort_key`);--> statement-breakpoint
CREATE TABLE `plan_item_partners` (
	`plan_item_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	PRIMARY KEY(`plan_item_id`, `organization_id`),
	FOREIGN KEY (`plan_item_id`) REFERENCES `plan_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `plan_item_partners_org` ON `plan_item_partners` (`organization_id`);--> statement-breakpoint
CREATE TABLE `plan_item_responsibles` (
	`plan_item_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	PRIMARY KEY(`plan_item_id`, `person_id`),
	FOREIGN KEY (`plan_item_id`) REFERENCES `plan_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `plan_item_responsibles_person` ON `plan_item_responsibles` (`person_id`);--> statement-breakpoint
CREATE TABLE `plan_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`direction` text NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`form` text NOT NULL,
	`term_kind` text NOT NULL,
	`term_value` text DEFAULT '' NOT NULL,
	`term_start` text NOT NULL,
	`term_end` text NOT NULL,
	`target_audience` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`result_note` text DEFAULT '' NOT NULL,
	`search_text` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `work_plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `plan_items_plan` ON `plan_items` (`plan_id`,`direction`,`position`);--> statement-breakpoint
CREATE INDEX `plan_items_term` ON `plan_items` (`plan_id`,`term_start`);--> statement-breakpoint
CREATE TABLE `work_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`approved_on` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `work_plans_year_unique` ON `work_plans` (`year`);