-- The center becomes an organisation of the registry (type «ресурсный центр»): the profile points
-- to it and its names and address are the organisation's. An organisation already named as the
-- profile (its full name, or its short name as either name of the organisation) is the center;
-- otherwise the profile's names make a new one. Its search text and sort key are computed by the
-- data step that follows the migrations (db/dataSteps.ts: 0007-center-organization-keys).
-- First the organisations' table is rebuilt by drizzle-kit: its CHECK of types now admits «resourceCenter».
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_organizations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`full_name` text NOT NULL,
	`short_name` text DEFAULT '' NOT NULL,
	`type` text NOT NULL,
	`municipality_id` integer,
	`address` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`search_text` text NOT NULL,
	`sort_key` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "organizations_type_values" CHECK("type" IN ('guardianship', 'education', 'juvenileCommission', 'police', 'socialProtection', 'healthcare', 'ngo', 'business', 'administration', 'resourceCenter', 'other'))
);
--> statement-breakpoint
INSERT INTO `__new_organizations`("id", "full_name", "short_name", "type", "municipality_id", "address", "phone", "email", "search_text", "sort_key", "created_at", "updated_at") SELECT "id", "full_name", "short_name", "type", "municipality_id", "address", "phone", "email", "search_text", "sort_key", "created_at", "updated_at" FROM `organizations`;--> statement-breakpoint
DROP TABLE `organizations`;--> statement-breakpoint
ALTER TABLE `__new_organizations` RENAME TO `organizations`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `organizations_sort_key` ON `organizations` (`sort_key`);--> statement-breakpoint
CREATE INDEX `organizations_type` ON `organizations` (`type`,`sort_key`);--> statement-breakpoint
CREATE INDEX `organizations_municipality` ON `organizations` (`municipality_id`,`sort_key`);--> statement-breakpoint
INSERT INTO `organizations` (`full_name`, `short_name`, `type`, `address`, `search_text`, `sort_key`)
SELECT trim(p.`full_name`), trim(p.`short_name`), 'resourceCenter', trim(p.`address`), '', ''
FROM `center_profile` p
WHERE trim(p.`full_name`) <> ''
  AND NOT EXISTS (
    SELECT 1 FROM `organizations` o
    WHERE o.`full_name` = trim(p.`full_name`)
       OR (trim(p.`short_name`) <> '' AND (o.`short_name` = trim(p.`short_name`) OR o.`full_name` = trim(p.`short_name`)))
  );
--> statement-breakpoint
ALTER TABLE `center_profile` ADD `organization_id` integer REFERENCES organizations(id) ON DELETE restrict;--> statement-breakpoint
UPDATE `center_profile` SET `organization_id` = (
  SELECT o.`id` FROM `organizations` o
  WHERE o.`full_name` = trim(`center_profile`.`full_name`)
     OR (trim(`center_profile`.`short_name`) <> '' AND (o.`short_name` = trim(`center_profile`.`short_name`) OR o.`full_name` = trim(`center_profile`.`short_name`)))
  ORDER BY o.`type` = 'resourceCenter' DESC, o.`full_name` = trim(`center_profile`.`full_name`) DESC, o.`id`
  LIMIT 1
) WHERE trim(`full_name`) <> '';--> statement-breakpoint
-- The center's organisation is of the center's type, and keeps the profile's address where it had none.
UPDATE `organizations` SET
  `type` = 'resourceCenter',
  `address` = CASE WHEN `address` = '' THEN (SELECT trim(`address`) FROM `center_profile` WHERE `id` = 1) ELSE `address` END
WHERE `id` = (SELECT `organization_id` FROM `center_profile` WHERE `id` = 1);--> statement-breakpoint
ALTER TABLE `center_profile` DROP COLUMN `full_name`;--> statement-breakpoint
ALTER TABLE `center_profile` DROP COLUMN `short_name`;--> statement-breakpoint
ALTER TABLE `center_profile` DROP COLUMN `address`;
