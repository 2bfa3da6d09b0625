CREATE TABLE `publication_movements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`publication_id` integer NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`quantity` integer NOT NULL,
	`printer` text DEFAULT '' NOT NULL,
	`printed_in_house` integer DEFAULT false NOT NULL,
	`organization_id` integer,
	`person_id` integer,
	`reason` text DEFAULT '' NOT NULL,
	`reverses_id` integer,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`publication_id`) REFERENCES `publications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`reverses_id`) REFERENCES `publication_movements`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "publication_movements_quantity" CHECK("publication_movements"."quantity" = CAST("publication_movements"."quantity" AS INTEGER) AND ("publication_movements"."quantity" > 0 OR ("publication_movements"."kind" = 'stocktake' AND "publication_movements"."quantity" = 0))),
	CONSTRAINT "publication_movements_recipient" CHECK(("publication_movements"."kind" = 'distribution') = (("publication_movements"."organization_id" IS NOT NULL) + ("publication_movements"."person_id" IS NOT NULL) = 1) AND ("publication_movements"."kind" = 'distribution' OR ("publication_movements"."organization_id" IS NULL AND "publication_movements"."person_id" IS NULL))),
	CONSTRAINT "publication_movements_reversal" CHECK(("publication_movements"."kind" = 'reversal') = ("publication_movements"."reverses_id" IS NOT NULL)),
	CONSTRAINT "publication_movements_printer" CHECK("publication_movements"."kind" = 'receipt' OR ("publication_movements"."printer" = '' AND "publication_movements"."printed_in_house" = 0)),
	CONSTRAINT "publication_movements_kind_values" CHECK("kind" IN ('opening', 'receipt', 'distribution', 'writeOff', 'stocktake', 'reversal'))
);
--> statement-breakpoint
CREATE INDEX `publication_movements_by_date` ON `publication_movements` (`publication_id`,`date`);--> statement-breakpoint
CREATE INDEX `publication_movements_by_kind` ON `publication_movements` (`publication_id`,`kind`,`date`);--> statement-breakpoint
CREATE INDEX `publication_movements_date` ON `publication_movements` (`date`);--> statement-breakpoint
CREATE UNIQUE INDEX `publication_movements_reverses_unique` ON `publication_movements` (`reverses_id`);--> statement-breakpoint
CREATE INDEX `publication_movements_organization` ON `publication_movements` (`organization_id`);--> statement-breakpoint
CREATE INDEX `publication_movements_person` ON `publication_movements` (`person_id`);--> statement-breakpoint
CREATE TABLE `publications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`kind_id` integer NOT NULL,
	`authors` text DEFAULT '' NOT NULL,
	`year` integer NOT NULL,
	`topic` text DEFAULT '' NOT NULL,
	`target_audience` text DEFAULT '' NOT NULL,
	`min_stock` integer DEFAULT 0 NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`search_text` text NOT NULL,
	`sort_key` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`kind_id`) REFERENCES `list_values`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "publications_min_stock" CHECK("publications"."min_stock" >= 0)
);
--> statement-breakpoint
CREATE INDEX `publications_kind` ON `publications` (`kind_id`);--> statement-breakpoint
CREATE INDEX `publications_sort` ON `publications` (`sort_key`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_list_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`list` text NOT NULL,
	`value` text NOT NULL,
	`folded_value` text NOT NULL,
	`position` integer NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "list_values_position_positive" CHECK("position" > 0),
	CONSTRAINT "list_values_list_values" CHECK("list" IN ('planForms', 'eventTypes', 'eventProgrammes', 'audienceCategories', 'indicators', 'publicationKinds'))
);
--> statement-breakpoint
INSERT INTO `__new_list_values`("id", "list", "value", "folded_value", "position", "archived", "created_at", "updated_at") SELECT "id", "list", "value", "folded_value", "position", "archived", "created_at", "updated_at" FROM `list_values`;--> statement-breakpoint
DROP TABLE `list_values`;--> statement-breakpoint
ALTER TABLE `__new_list_values` RENAME TO `list_values`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `list_values_folded_unique` ON `list_values` (`list`,`folded_value`);--> statement-breakpoint
CREATE UNIQUE INDEX `list_values_position_unique` ON `list_values` (`list`,`position`);--> statement-breakpoint
CREATE TABLE `__new_plan_item_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_item_id` integer NOT NULL,
	`kind` text NOT NULL,
	`meeting_id` integer,
	`agenda_item_id` integer,
	`event_id` integer,
	`publication_id` integer,
	FOREIGN KEY (`plan_item_id`) REFERENCES `plan_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`publication_id`) REFERENCES `publications`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "plan_item_links_kind" CHECK((("__new_plan_item_links"."meeting_id" IS NOT NULL) + ("__new_plan_item_links"."agenda_item_id" IS NOT NULL) + ("__new_plan_item_links"."event_id" IS NOT NULL) + ("__new_plan_item_links"."publication_id" IS NOT NULL) = 1) AND (("__new_plan_item_links"."kind" = 'meeting' AND "__new_plan_item_links"."meeting_id" IS NOT NULL) OR ("__new_plan_item_links"."kind" = 'agendaItem' AND "__new_plan_item_links"."agenda_item_id" IS NOT NULL) OR ("__new_plan_item_links"."kind" = 'event' AND "__new_plan_item_links"."event_id" IS NOT NULL) OR ("__new_plan_item_links"."kind" = 'publication' AND "__new_plan_item_links"."publication_id" IS NOT NULL))),
	CONSTRAINT "plan_item_links_kind_values" CHECK("kind" IN ('meeting', 'agendaItem', 'event', 'publication'))
);
--> statement-breakpoint
-- hand edit: the old table has no publication_id; every existing link is a meeting's, an agenda question's or an event's.
INSERT INTO `__new_plan_item_links`("id", "plan_item_id", "kind", "meeting_id", "agenda_item_id", "event_id", "publication_id") SELECT "id", "plan_item_id", "kind", "meeting_id", "agenda_item_id", "event_id", NULL FROM `plan_item_links`;--> statement-breakpoint
DROP TABLE `plan_item_links`;--> statement-breakpoint
ALTER TABLE `__new_plan_item_links` RENAME TO `plan_item_links`;--> statement-breakpoint
CREATE UNIQUE INDEX `plan_item_links_meeting_unique` ON `plan_item_links` (`plan_item_id`,`meeting_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `plan_item_links_agenda_item_unique` ON `plan_item_links` (`plan_item_id`,`agenda_item_id`);--> statement-breakpoint
CREATE INDEX `plan_item_links_by_meeting` ON `plan_item_links` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `plan_item_links_by_agenda_item` ON `plan_item_links` (`agenda_item_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `plan_item_links_event_unique` ON `plan_item_links` (`event_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `plan_item_links_publication_unique` ON `plan_item_links` (`plan_item_id`,`publication_id`);--> statement-breakpoint
CREATE INDEX `plan_item_links_by_publication` ON `plan_item_links` (`publication_id`);