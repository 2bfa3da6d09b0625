-- hand edit (1): the old table has no event_id, the copy selects NULL for it (drizzle-kit selects the new column).
-- hand edit (2), at the end: the rebuild drops the table's trigger of 0014; it is re-created, event_id among what is never changed.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_publication_movements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`publication_id` integer NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`quantity` integer NOT NULL,
	`printer` text DEFAULT '' NOT NULL,
	`printed_in_house` integer DEFAULT false NOT NULL,
	`organization_id` integer,
	`person_id` integer,
	`event_id` integer,
	`reason` text DEFAULT '' NOT NULL,
	`reverses_id` integer,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`publication_id`) REFERENCES `publications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`reverses_id`) REFERENCES `publication_movements`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "publication_movements_quantity" CHECK("__new_publication_movements"."quantity" = CAST("__new_publication_movements"."quantity" AS INTEGER) AND ("__new_publication_movements"."quantity" > 0 OR ("__new_publication_movements"."kind" = 'stocktake' AND "__new_publication_movements"."quantity" = 0))),
	CONSTRAINT "publication_movements_recipient" CHECK(("__new_publication_movements"."kind" = 'distribution') = (("__new_publication_movements"."organization_id" IS NOT NULL) + ("__new_publication_movements"."person_id" IS NOT NULL) + ("__new_publication_movements"."event_id" IS NOT NULL) = 1) AND ("__new_publication_movements"."kind" = 'distribution' OR ("__new_publication_movements"."organization_id" IS NULL AND "__new_publication_movements"."person_id" IS NULL AND "__new_publication_movements"."event_id" IS NULL))),
	CONSTRAINT "publication_movements_reversal" CHECK(("__new_publication_movements"."kind" = 'reversal') = ("__new_publication_movements"."reverses_id" IS NOT NULL)),
	CONSTRAINT "publication_movements_printer" CHECK("__new_publication_movements"."kind" = 'receipt' OR ("__new_publication_movements"."printer" = '' AND "__new_publication_movements"."printed_in_house" = 0)),
	CONSTRAINT "publication_movements_kind_values" CHECK("kind" IN ('opening', 'receipt', 'distribution', 'writeOff', 'stocktake', 'reversal'))
);
--> statement-breakpoint
INSERT INTO `__new_publication_movements`("id", "publication_id", "kind", "date", "quantity", "printer", "printed_in_house", "organization_id", "person_id", "event_id", "reason", "reverses_id", "recorded_at") SELECT "id", "publication_id", "kind", "date", "quantity", "printer", "printed_in_house", "organization_id", "person_id", NULL, "reason", "reverses_id", "recorded_at" FROM `publication_movements`;--> statement-breakpoint
DROP TABLE `publication_movements`;--> statement-breakpoint
ALTER TABLE `__new_publication_movements` RENAME TO `publication_movements`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `publication_movements_by_date` ON `publication_movements` (`publication_id`,`date`);--> statement-breakpoint
CREATE INDEX `publication_movements_by_kind` ON `publication_movements` (`publication_id`,`kind`,`date`);--> statement-breakpoint
CREATE INDEX `publication_movements_date` ON `publication_movements` (`date`);--> statement-breakpoint
CREATE UNIQUE INDEX `publication_movements_reverses_unique` ON `publication_movements` (`reverses_id`);--> statement-breakpoint
CREATE INDEX `publication_movements_organization` ON `publication_movements` (`organization_id`);--> statement-breakpoint
CREATE INDEX `publication_movements_person` ON `publication_movements` (`person_id`);--> statement-breakpoint
CREATE INDEX `publication_movements_event` ON `publication_movements` (`event_id`);--> statement-breakpoint
-- hand edit (2): 0014's trigger, dropped with the old table, re-created; an event a distribution went to is part of what it says.
CREATE TRIGGER publication_movements_immutable BEFORE UPDATE OF publication_id, kind, date, quantity, printer, printed_in_house, event_id, reason, reverses_id, recorded_at ON publication_movements BEGIN
  SELECT RAISE(ABORT, 'Движение печатной продукции не изменяют: ошибку исправляют сторнированием');
END;
