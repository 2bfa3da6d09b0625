CREATE TABLE `export_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`started_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`finished_at` text,
	`kinds` text NOT NULL,
	`target_folder` text NOT NULL,
	`center_code` text NOT NULL,
	`year` integer NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`origin` text DEFAULT 'ui' NOT NULL,
	`files` text DEFAULT '[]' NOT NULL,
	`leftovers` text DEFAULT '[]' NOT NULL,
	`error_message` text,
	`retry_of` integer,
	`owner_pid` integer,
	`heartbeat_at` text,
	CONSTRAINT "export_log_status" CHECK("export_log"."status" IN ('running','ok','failed','cancelled'))
);
--> statement-breakpoint
CREATE INDEX `export_log_started` ON `export_log` (`started_at`);