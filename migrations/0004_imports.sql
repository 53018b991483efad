CREATE TABLE `import_rejects` (
	`import_id` integer NOT NULL,
	`line` integer NOT NULL,
	`code` text NOT NULL,
	`column` text,
	`cells` text NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_rejects_import_idx` ON `import_rejects` (`import_id`,`line`);--> statement-breakpoint
CREATE TABLE `import_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`header_key` text NOT NULL,
	`definition` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_templates_name_idx` ON `import_templates` (`kind`,`name`);--> statement-breakpoint
CREATE INDEX `import_templates_header_idx` ON `import_templates` (`kind`,`header_key`);--> statement-breakpoint
CREATE TABLE `import_updates` (
	`import_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`before` text NOT NULL,
	`written_at` integer NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_updates_import_idx` ON `import_updates` (`import_id`);--> statement-breakpoint
CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`format` text NOT NULL,
	`file_name` text NOT NULL,
	`file_sha256` text NOT NULL,
	`file_bytes` integer NOT NULL,
	`encoding` text NOT NULL,
	`settings` text NOT NULL,
	`total_rows` integer NOT NULL,
	`created_count` integer NOT NULL,
	`updated_count` integer NOT NULL,
	`skipped_count` integer NOT NULL,
	`rejected_count` integer NOT NULL,
	`warning_count` integer NOT NULL,
	`batch_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`duration_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `imports_sha_idx` ON `imports` (`file_sha256`);--> statement-breakpoint
CREATE UNIQUE INDEX `imports_batch_idx` ON `imports` (`batch_id`);--> statement-breakpoint
ALTER TABLE `conversations` ADD `batch_id` integer;--> statement-breakpoint
CREATE INDEX `conversations_batch_idx` ON `conversations` (`batch_id`);--> statement-breakpoint
ALTER TABLE `customers` ADD `external_id` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `batch_id` integer;--> statement-breakpoint
CREATE INDEX `customers_external_id_idx` ON `customers` (`external_id`);--> statement-breakpoint
CREATE INDEX `customers_batch_idx` ON `customers` (`batch_id`);--> statement-breakpoint
CREATE INDEX `orders_batch_idx` ON `orders` (`batch_id`);