CREATE TABLE `restore_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`restored_at` text NOT NULL,
	`source_file` text NOT NULL,
	`source_sha256` text NOT NULL,
	`source_level` integer NOT NULL,
	`center_name` text DEFAULT '' NOT NULL,
	`records` text DEFAULT '[]' NOT NULL,
	`safety_backup` text NOT NULL,
	`missing_files` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "restore_log_level" CHECK("restore_log"."source_level" >= 0),
	CONSTRAINT "restore_log_records_json" CHECK(json_valid("records") AND json_type("records") = 'array')
);
--> statement-breakpoint
CREATE TABLE `stored_files` (
	`hash` text PRIMARY KEY NOT NULL,
	`size` integer NOT NULL,
	`mime` text NOT NULL,
	`original_name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "stored_files_hash" CHECK(length("stored_files"."hash") = 64 AND "stored_files"."hash" NOT GLOB '*[^0-9a-f]*'),
	CONSTRAINT "stored_files_size" CHECK("stored_files"."size" >= 0)
);
