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
CREATE INDEX `news_items_published` ON `news_items` (`published_on`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_plan_item_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_item_id` integer NOT NULL,
	`kind` text NOT NULL,
	`meeting_id` integer,
	`agenda_item_id` integer,
	`event_id` integer,
	`publication_id` integer,
	`news_item_id` integer,
	FOREIGN KEY (`plan_item_id`) REFERENCES `plan_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`publication_id`) REFERENCES `publications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`news_item_id`) REFERENCES `news_items`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "plan_item_links_kind" CHECK((("__new_plan_item_links"."meeting_id" IS NOT NULL) + ("__new_plan_item_links"."agenda_item_id" IS NOT NULL) + ("__new_plan_item_links"."event_id" IS NOT NULL) + ("__new_plan_item_links"."publication_id" IS NOT NULL) + ("__new_plan_item_links"."news_item_id" IS NOT NULL) = 1) AND (("__new_plan_item_links"."kind" = 'meeting' AND "__new_plan_item_links"."meeting_id" IS NOT NULL) OR ("__new_plan_item_links"."kind" = 'agendaItem' AND "__new_plan_item_links"."agenda_item_id" IS NOT NULL) OR ("__new_plan_item_links"."kind" = 'event' AND "__new_plan_item_links"."event_id" IS NOT NULL) OR ("__new_plan_item_links"."kind" = 'publication' AND "__new_plan_item_links"."publication_id" IS NOT NULL) OR ("__new_plan_item_links"."kind" = 'newsItem' AND "__new_plan_item_links"."news_item_id" IS NOT NULL))),
	CONSTRAINT "plan_item_links_kind_values" CHECK("kind" IN ('meeting', 'agendaItem', 'event', 'publication', 'newsItem'))
);
--> statement-breakpoint
-- hand edit: the old table has no news_item_id; its links keep NULL there.
INSERT INTO `__new_plan_item_links`("id", "plan_item_id", "kind", "meeting_id", "agenda_item_id", "event_id", "publication_id", "news_item_id") SELECT "id", "plan_item_id", "kind", "meeting_id", "agenda_item_id", "event_id", "publication_id", NULL FROM `plan_item_links`;--> statement-breakpoint
DROP TABLE `plan_item_links`;--> statement-breakpoint
ALTER TABLE `__new_plan_item_links` RENAME TO `plan_item_links`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `plan_item_links_meeting_unique` ON `plan_item_links` (`plan_item_id`,`meeting_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `plan_item_links_agenda_item_unique` ON `plan_item_links` (`plan_item_id`,`agenda_item_id`);--> statement-breakpoint
CREATE INDEX `plan_item_links_by_meeting` ON `plan_item_links` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `plan_item_links_by_agenda_item` ON `plan_item_links` (`agenda_item_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `plan_item_links_event_unique` ON `plan_item_links` (`event_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `plan_item_links_publication_unique` ON `plan_item_links` (`plan_item_id`,`publication_id`);--> statement-breakpoint
CREATE INDEX `plan_item_links_by_publication` ON `plan_item_links` (`publication_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `plan_item_links_news_item_unique` ON `plan_item_links` (`news_item_id`);