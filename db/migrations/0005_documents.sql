CREATE TABLE `document_issues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`year` integer NOT NULL,
	`number` integer NOT NULL,
	`issued_on` text NOT NULL,
	`document` text NOT NULL,
	`organization_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_issues_kind_year_number_unique` ON `document_issues` (`kind`,`year`,`number`);--> statement-breakpoint
CREATE INDEX `document_issues_organization` ON `document_issues` (`organization_id`);--> statement-breakpoint
CREATE TABLE `working_group_case_files` (
	`group_id` integer NOT NULL,
	`year` integer NOT NULL,
	`case_index` text NOT NULL,
	PRIMARY KEY(`group_id`, `year`),
	FOREIGN KEY (`group_id`) REFERENCES `working_groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `work_plans` ADD `approved_snapshot` text;--> statement-breakpoint
ALTER TABLE `working_groups` ADD `quorum` text DEFAULT 'half' NOT NULL;