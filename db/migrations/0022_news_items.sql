CREATE TABLE `news_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer,
	`event_id` integer,
	`status` text DEFAULT 'draft' NOT NULL,
	`paragraphs` text NOT NULL,
	`published_on` text,
	`published_text` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "news_items_source" CHECK(("news_items"."meeting_id" IS NOT NULL) + ("news_items"."event_id" IS NOT NULL) = 1),
	CONSTRAINT "news_items_publication" CHECK(("news_items"."status" = 'draft' AND "news_items"."published_on" IS NULL AND "news_items"."published_text" IS NULL) OR ("news_items"."status" = 'published' AND "news_items"."published_on" GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND "news_items"."published_text" IS NOT NULL)),
	CONSTRAINT "news_items_status_values" CHECK("status" IN ('draft', 'published')),
	CONSTRAINT "news_items_paragraphs_json" CHECK(json_valid("paragraphs") AND json_type("paragraphs") = 'array'),
	CONSTRAINT "news_items_published_text_json" CHECK(json_valid("published_text") AND json_type("published_text") = 'array')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `news_items_meeting_unique` ON `news_items` (`meeting_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `news_items_event_unique` ON `news_items` (`event_id`);--> statement-breakpoint
CREATE INDEX `news_items_published` ON `news_items` (`published_on`);