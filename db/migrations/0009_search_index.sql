CREATE TABLE `organizations_search_rows` (
	`search_rowid` integer PRIMARY KEY NOT NULL,
	`id` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organizations_search_rows_id_unique` ON `organizations_search_rows` (`id`);--> statement-breakpoint
CREATE TABLE `people_search_rows` (
	`search_rowid` integer PRIMARY KEY NOT NULL,
	`id` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_search_rows_id_unique` ON `people_search_rows` (`id`);--> statement-breakpoint
CREATE TABLE `search_buckets` (
	`entity` text NOT NULL,
	`lower_key` text NOT NULL,
	`bucket` integer NOT NULL,
	PRIMARY KEY(`entity`, `lower_key`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_buckets_bucket` ON `search_buckets` (`entity`,`bucket`);