CREATE TABLE `deal_stage_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`deal_id` integer NOT NULL,
	`at` integer NOT NULL,
	`from_stage_id` integer,
	`to_stage_id` integer,
	`status` text NOT NULL,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `deal_stage_history_deal_idx` ON `deal_stage_history` (`deal_id`,`at`);--> statement-breakpoint
CREATE TABLE `deal_stages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text,
	`label` text,
	`probability` integer NOT NULL,
	`position` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`removed_at` integer
);
--> statement-breakpoint
CREATE TABLE `deals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uid` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`customer_id` integer NOT NULL,
	`title` text NOT NULL,
	`value_cents` integer NOT NULL,
	`currency` text NOT NULL,
	`stage_id` integer NOT NULL,
	`probability` integer,
	`expected_close` text,
	`source` text,
	`next_step` text,
	`next_step_date` text,
	`notes` text,
	`status` text NOT NULL,
	`lost_reason` text,
	`closed_on` text,
	`closed_at` integer,
	`order_id` integer,
	`position` real NOT NULL,
	`stage_entered_at` integer NOT NULL,
	`last_activity_at` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`stage_id`) REFERENCES `deal_stages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deals_uid_unique` ON `deals` (`uid`);--> statement-breakpoint
CREATE INDEX `deals_board_idx` ON `deals` (`status`,`deleted_at`,`stage_id`,`position`);--> statement-breakpoint
CREATE INDEX `deals_customer_idx` ON `deals` (`customer_id`);--> statement-breakpoint
-- The default pipeline (translated by key in the UI). Hand-written: drizzle-kit generates schema only.
INSERT INTO `deal_stages` (`key`, `label`, `probability`, `position`, `created_at`, `updated_at`) VALUES
	('lead', NULL, 10, 0, CAST(strftime('%s', 'now') AS INTEGER) * 1000, CAST(strftime('%s', 'now') AS INTEGER) * 1000),
	('qualified', NULL, 25, 1, CAST(strftime('%s', 'now') AS INTEGER) * 1000, CAST(strftime('%s', 'now') AS INTEGER) * 1000),
	('proposal', NULL, 50, 2, CAST(strftime('%s', 'now') AS INTEGER) * 1000, CAST(strftime('%s', 'now') AS INTEGER) * 1000),
	('negotiation', NULL, 70, 3, CAST(strftime('%s', 'now') AS INTEGER) * 1000, CAST(strftime('%s', 'now') AS INTEGER) * 1000),
	('contract', NULL, 90, 4, CAST(strftime('%s', 'now') AS INTEGER) * 1000, CAST(strftime('%s', 'now') AS INTEGER) * 1000);
