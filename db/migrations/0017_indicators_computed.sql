PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_indicator_definitions` (
	`indicator_id` integer PRIMARY KEY NOT NULL,
	`unit` text DEFAULT 'ед.' NOT NULL,
	`group_name` text DEFAULT '' NOT NULL,
	`rule` text DEFAULT 'sum' NOT NULL,
	`whole` integer DEFAULT true NOT NULL,
	`role` text,
	`at_least_id` integer,
	`source` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`indicator_id`) REFERENCES `list_values`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`at_least_id`) REFERENCES `list_values`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "indicator_definitions_source" CHECK((rule = 'computed') = (source IS NOT NULL)),
	CONSTRAINT "indicator_definitions_rule_values" CHECK("rule" IN ('sum', 'end', 'computed')),
	CONSTRAINT "indicator_definitions_role_values" CHECK("role" IN ('casesOpened', 'casesClosed', 'casesOnSupport'))
);
--> statement-breakpoint
INSERT INTO `__new_indicator_definitions`("indicator_id", "unit", "group_name", "rule", "whole", "role", "at_least_id", "source", "created_at", "updated_at") SELECT "indicator_id", "unit", "group_name", "rule", "whole", "role", "at_least_id", NULL, "created_at", "updated_at" FROM `indicator_definitions`;--> statement-breakpoint
DROP TABLE `indicator_definitions`;--> statement-breakpoint
ALTER TABLE `__new_indicator_definitions` RENAME TO `indicator_definitions`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_definitions_role_unique` ON `indicator_definitions` (`role`);