CREATE TABLE `distinct_organizations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`low_id` integer NOT NULL,
	`high_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`low_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`high_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "distinct_organizations_order" CHECK("distinct_organizations"."low_id" < "distinct_organizations"."high_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `distinct_organizations_unique` ON `distinct_organizations` (`low_id`,`high_id`);--> statement-breakpoint
CREATE INDEX `distinct_organizations_high` ON `distinct_organizations` (`high_id`);--> statement-breakpoint
CREATE TABLE `distinct_people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`low_id` integer NOT NULL,
	`high_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`low_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`high_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "distinct_people_order" CHECK("distinct_people"."low_id" < "distinct_people"."high_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `distinct_people_unique` ON `distinct_people` (`low_id`,`high_id`);--> statement-breakpoint
CREATE INDEX `distinct_people_high` ON `distinct_people` (`high_id`);--> statement-breakpoint
CREATE INDEX `organizations_updated` ON `organizations` (`updated_at`);--> statement-breakpoint
CREATE INDEX `people_updated` ON `people` (`updated_at`);