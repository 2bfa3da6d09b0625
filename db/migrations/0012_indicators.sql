CREATE TABLE `indicator_definitions` (
	`indicator_id` integer PRIMARY KEY NOT NULL,
	`unit` text DEFAULT 'ед.' NOT NULL,
	`group_name` text DEFAULT '' NOT NULL,
	`rule` text DEFAULT 'sum' NOT NULL,
	`whole` integer DEFAULT true NOT NULL,
	`role` text,
	`at_least_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`indicator_id`) REFERENCES `list_values`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`at_least_id`) REFERENCES `list_values`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "indicator_definitions_rule_values" CHECK("rule" IN ('sum', 'end')),
	CONSTRAINT "indicator_definitions_role_values" CHECK("role" IN ('casesOpened', 'casesClosed', 'casesOnSupport'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_definitions_role_unique` ON `indicator_definitions` (`role`);--> statement-breakpoint
CREATE TABLE `indicator_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_id` integer NOT NULL,
	`year` integer NOT NULL,
	`quarter` integer,
	`municipality_id` integer,
	`value` real NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`indicator_id`) REFERENCES `list_values`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "indicator_values_quarter" CHECK(quarter IS NULL OR quarter BETWEEN 1 AND 4),
	CONSTRAINT "indicator_values_year_range" CHECK(year BETWEEN 1990 AND 2100),
	CONSTRAINT "indicator_values_value" CHECK(value >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_values_cell_unique` ON `indicator_values` (`indicator_id`,`year`,`quarter`,`municipality_id`) WHERE quarter IS NOT NULL AND municipality_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_values_segment_quarter_unique` ON `indicator_values` (`indicator_id`,`year`,`quarter`) WHERE quarter IS NOT NULL AND municipality_id IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_values_municipality_year_unique` ON `indicator_values` (`indicator_id`,`year`,`municipality_id`) WHERE quarter IS NULL AND municipality_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_values_segment_year_unique` ON `indicator_values` (`indicator_id`,`year`) WHERE quarter IS NULL AND municipality_id IS NULL;--> statement-breakpoint
CREATE INDEX `indicator_values_year` ON `indicator_values` (`year`);--> statement-breakpoint
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
	CONSTRAINT "list_values_list_values" CHECK("list" IN ('planForms', 'eventTypes', 'eventProgrammes', 'audienceCategories', 'indicators'))
);
--> statement-breakpoint
INSERT INTO `__new_list_values`("id", "list", "value", "folded_value", "position", "archived", "created_at", "updated_at") SELECT "id", "list", "value", "folded_value", "position", "archived", "created_at", "updated_at" FROM `list_values`;--> statement-breakpoint
DROP TABLE `list_values`;--> statement-breakpoint
ALTER TABLE `__new_list_values` RENAME TO `list_values`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `list_values_folded_unique` ON `list_values` (`list`,`folded_value`);--> statement-breakpoint
CREATE UNIQUE INDEX `list_values_position_unique` ON `list_values` (`list`,`position`);