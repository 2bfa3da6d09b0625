CREATE TABLE `import_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`target` text NOT NULL,
	`event_id` integer,
	`file_name` text NOT NULL,
	`encoding` text,
	`matched` integer NOT NULL,
	`added` integer NOT NULL,
	`rejected` integer NOT NULL,
	`lines` text NOT NULL,
	`skipped` text NOT NULL,
	`stripped` text NOT NULL,
	`imported_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "import_reports_event_target" CHECK(("import_reports"."target" = 'participants') = ("import_reports"."event_id" IS NOT NULL)),
	CONSTRAINT "import_reports_counts" CHECK("import_reports"."matched" >= 0 AND "import_reports"."added" >= 0 AND "import_reports"."rejected" >= 0),
	CONSTRAINT "import_reports_target_values" CHECK("target" IN ('participants', 'people', 'organizations')),
	CONSTRAINT "import_reports_lines_json" CHECK(json_valid("lines") AND json_type("lines") = 'array'),
	CONSTRAINT "import_reports_skipped_json" CHECK(json_valid("skipped") AND json_type("skipped") = 'array'),
	CONSTRAINT "import_reports_stripped_json" CHECK(json_valid("stripped") AND json_type("stripped") = 'array')
);
--> statement-breakpoint
CREATE INDEX `import_reports_event` ON `import_reports` (`event_id`);