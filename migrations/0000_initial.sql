CREATE TABLE `customers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uid` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`name` text NOT NULL,
	`company` text,
	`email` text,
	`phone` text,
	`city` text,
	`notes` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_uid_unique` ON `customers` (`uid`);--> statement-breakpoint
CREATE INDEX `customers_deleted_updated_idx` ON `customers` (`deleted_at`,`updated_at`);--> statement-breakpoint
CREATE INDEX `customers_name_idx` ON `customers` (`name`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
