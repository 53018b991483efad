CREATE TABLE `task_rule_hits` (
	`rule_id` integer NOT NULL,
	`entity_id` integer NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`rule_id`, `entity_id`),
	FOREIGN KEY (`rule_id`) REFERENCES `task_rules`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `task_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`days` integer NOT NULL,
	`segment` text,
	`enabled` integer NOT NULL,
	`title` text,
	`active_since` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uid` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`title` text NOT NULL,
	`customer_id` integer,
	`deal_id` integer,
	`due_date` text NOT NULL,
	`due_time` text,
	`time_zone` text NOT NULL,
	`due_at` integer NOT NULL,
	`reminds` integer DEFAULT true NOT NULL,
	`remind_offset_ms` integer,
	`remind_at` integer,
	`reminded_at` integer,
	`priority` text NOT NULL,
	`notes` text,
	`rrule` text,
	`series_id` integer,
	`series_start` text,
	`origin` text NOT NULL,
	`source_key` text,
	`done_at` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_uid_unique` ON `tasks` (`uid`);--> statement-breakpoint
CREATE INDEX `tasks_open_due_idx` ON `tasks` (`done_at`,`deleted_at`,`due_at`);--> statement-breakpoint
CREATE INDEX `tasks_remind_idx` ON `tasks` (`reminded_at`,`remind_at`);--> statement-breakpoint
CREATE INDEX `tasks_customer_idx` ON `tasks` (`customer_id`);--> statement-breakpoint
CREATE INDEX `tasks_deal_idx` ON `tasks` (`deal_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_source_key_idx` ON `tasks` (`source_key`);--> statement-breakpoint
ALTER TABLE `customers` ADD `keep_in_touch_days` integer;--> statement-breakpoint
-- The starter rules (hand-written: drizzle-kit generates schema only). At Risk and stale deals
-- are on: they are the list of people to call. A check-in after every order is off: a busy shop
-- would get one task per sale.
INSERT INTO `task_rules` (`kind`, `days`, `segment`, `enabled`, `title`, `created_at`, `updated_at`) VALUES
	('segment_entered', 2, 'at_risk', 1, NULL, CAST(strftime('%s', 'now') AS INTEGER) * 1000, CAST(strftime('%s', 'now') AS INTEGER) * 1000),
	('deal_stale', 14, NULL, 1, NULL, CAST(strftime('%s', 'now') AS INTEGER) * 1000, CAST(strftime('%s', 'now') AS INTEGER) * 1000),
	('after_order', 30, NULL, 0, NULL, CAST(strftime('%s', 'now') AS INTEGER) * 1000, CAST(strftime('%s', 'now') AS INTEGER) * 1000);
