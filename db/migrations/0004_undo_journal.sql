CREATE TABLE `undo_journal` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`label` text NOT NULL,
	`payload` text NOT NULL,
	`undone_at` text
);
--> statement-breakpoint
CREATE INDEX `undo_journal_created` ON `undo_journal` (`created_at`);