CREATE TABLE `analytics_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`as_of` text NOT NULL,
	`as_of_source` text NOT NULL,
	`params` text NOT NULL,
	`fingerprint` text NOT NULL,
	`started_at` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	`customer_count` integer NOT NULL,
	`summary` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `analytics_scores` (
	`customer_id` integer PRIMARY KEY NOT NULL,
	`run_id` integer NOT NULL,
	`recency_days` integer NOT NULL,
	`frequency` integer NOT NULL,
	`monetary_cents` integer NOT NULL,
	`r_score` integer NOT NULL,
	`f_score` integer NOT NULL,
	`m_score` integer NOT NULL,
	`segment` text NOT NULL,
	`cluster` integer,
	`churn_risk` real,
	`churn_reasons` text,
	`p_alive` real,
	`expected_orders` real,
	`p_no_purchase` real,
	`clv_cents` integer,
	`risk_value` real NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `analytics_scores_segment_idx` ON `analytics_scores` (`segment`,`risk_value`);--> statement-breakpoint
CREATE INDEX `analytics_scores_risk_value_idx` ON `analytics_scores` (`risk_value`);--> statement-breakpoint
ALTER TABLE `customers` ADD `segment` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `cluster` integer;--> statement-breakpoint
ALTER TABLE `customers` ADD `churn_risk` real;--> statement-breakpoint
ALTER TABLE `customers` ADD `clv_cents` integer;--> statement-breakpoint
CREATE INDEX `customers_segment_idx` ON `customers` (`segment`,`deleted_at`,`churn_risk`);--> statement-breakpoint
CREATE INDEX `customers_deleted_churn_idx` ON `customers` (`deleted_at`,`churn_risk`);--> statement-breakpoint
CREATE INDEX `customers_deleted_clv_idx` ON `customers` (`deleted_at`,`clv_cents`);