CREATE TABLE `conversations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uid` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`customer_id` integer NOT NULL,
	`kind` text NOT NULL,
	`direction` text,
	`occurred_at` integer NOT NULL,
	`subject` text,
	`body` text,
	`duration_minutes` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conversations_uid_unique` ON `conversations` (`uid`);--> statement-breakpoint
CREATE INDEX `conversations_customer_idx` ON `conversations` (`customer_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `customer_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	`batch_id` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `customer_events_customer_idx` ON `customer_events` (`customer_id`,`at`);--> statement-breakpoint
CREATE TABLE `feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uid` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`customer_id` integer NOT NULL,
	`kind` text NOT NULL,
	`score` integer NOT NULL,
	`answered_at` integer NOT NULL,
	`comment` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_uid_unique` ON `feedback` (`uid`);--> statement-breakpoint
CREATE INDEX `feedback_customer_idx` ON `feedback` (`customer_id`,`answered_at`);--> statement-breakpoint
CREATE INDEX `feedback_kind_idx` ON `feedback` (`kind`,`answered_at`);--> statement-breakpoint
CREATE TABLE `order_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`position` integer NOT NULL,
	`sku` text,
	`description` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price_cents` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `order_lines_order_idx` ON `order_lines` (`order_id`,`position`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uid` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`customer_id` integer NOT NULL,
	`ordered_at` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`description` text,
	`channel` text,
	`external_ref` text,
	`batch_id` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_uid_unique` ON `orders` (`uid`);--> statement-breakpoint
CREATE INDEX `orders_customer_idx` ON `orders` (`customer_id`,`ordered_at`);--> statement-breakpoint
CREATE INDEX `orders_ordered_at_idx` ON `orders` (`ordered_at`);--> statement-breakpoint
CREATE INDEX `orders_external_ref_idx` ON `orders` (`external_ref`);--> statement-breakpoint
CREATE TABLE `custom_fields` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uid` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`label` text NOT NULL,
	`type` text NOT NULL,
	`options` text DEFAULT '[]' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `custom_fields_uid_unique` ON `custom_fields` (`uid`);--> statement-breakpoint
CREATE TABLE `customer_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`kind` text NOT NULL,
	`position` integer NOT NULL,
	`value` text NOT NULL,
	`normalized` text,
	`valid` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `customer_contacts_customer_idx` ON `customer_contacts` (`customer_id`,`kind`,`position`);--> statement-breakpoint
CREATE INDEX `customer_contacts_normalized_idx` ON `customer_contacts` (`kind`,`normalized`);--> statement-breakpoint
CREATE TABLE `customer_tags` (
	`customer_id` integer NOT NULL,
	`tag_id` integer NOT NULL,
	PRIMARY KEY(`customer_id`, `tag_id`),
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `customer_tags_tag_idx` ON `customer_tags` (`tag_id`,`customer_id`);--> statement-breakpoint
CREATE TABLE `tags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uid` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`name` text NOT NULL,
	`color` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tags_uid_unique` ON `tags` (`uid`);--> statement-breakpoint
CREATE TABLE `change_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`created_at` integer NOT NULL,
	`undone_at` integer,
	`undo` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `duplicate_dismissals` (
	`low_id` integer NOT NULL,
	`high_id` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `duplicate_dismissals_pair_idx` ON `duplicate_dismissals` (`low_id`,`high_id`);--> statement-breakpoint
CREATE TABLE `saved_views` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uid` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`name` text NOT NULL,
	`definition` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `saved_views_uid_unique` ON `saved_views` (`uid`);--> statement-breakpoint
ALTER TABLE `customers` ADD `name_sort` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `customers` ADD `job_title` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `wechat` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `country` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `province` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `street` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `postcode` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `source` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `stage` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `birthday` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `consent` text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE `customers` ADD `consent_at` integer;--> statement-breakpoint
ALTER TABLE `customers` ADD `custom_values` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `customers` ADD `revenue_cents` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `customers` ADD `order_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `customers` ADD `first_order_at` integer;--> statement-breakpoint
ALTER TABLE `customers` ADD `last_order_at` integer;--> statement-breakpoint
ALTER TABLE `customers` ADD `last_contact_at` integer;--> statement-breakpoint
CREATE INDEX `customers_deleted_name_sort_idx` ON `customers` (`deleted_at`,`name_sort`);--> statement-breakpoint
CREATE INDEX `customers_deleted_revenue_idx` ON `customers` (`deleted_at`,`revenue_cents`);--> statement-breakpoint
CREATE INDEX `customers_deleted_last_contact_idx` ON `customers` (`deleted_at`,`last_contact_at`);--> statement-breakpoint
CREATE INDEX `customers_deleted_last_order_idx` ON `customers` (`deleted_at`,`last_order_at`);--> statement-breakpoint
CREATE INDEX `customers_stage_idx` ON `customers` (`stage`);--> statement-breakpoint
CREATE INDEX `customers_source_idx` ON `customers` (`source`);--> statement-breakpoint
CREATE INDEX `customers_city_idx` ON `customers` (`city`);