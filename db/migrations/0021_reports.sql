CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`quarter` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`narrative` text NOT NULL,
	`approved_on` text,
	`approved_copy` text,
	`unlocks` text DEFAULT '[]' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "reports_year" CHECK("reports"."year" BETWEEN 2000 AND 2100),
	CONSTRAINT "reports_quarter" CHECK("reports"."quarter" BETWEEN 0 AND 4),
	CONSTRAINT "reports_approval" CHECK(("reports"."status" = 'draft' AND "reports"."approved_on" IS NULL AND "reports"."approved_copy" IS NULL) OR ("reports"."status" = 'approved' AND "reports"."approved_on" GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND "reports"."approved_copy" IS NOT NULL)),
	CONSTRAINT "reports_status_values" CHECK("status" IN ('draft', 'approved')),
	CONSTRAINT "reports_narrative_json" CHECK(json_valid("narrative") AND json_type("narrative") = 'object'),
	CONSTRAINT "reports_approved_copy_json" CHECK(json_valid("approved_copy") AND json_type("approved_copy") = 'object'),
	CONSTRAINT "reports_unlocks_json" CHECK(json_valid("unlocks") AND json_type("unlocks") = 'array')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_period_unique` ON `reports` (`year`,`quarter`);