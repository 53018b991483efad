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
	`run_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
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
	PRIMARY KEY(`run_id`, `customer_id`),
	FOREIGN KEY (`run_id`) REFERENCES `analytics_runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `analytics_scores_customer_idx` ON `analytics_scores` (`customer_id`);--> statement-breakpoint
CREATE INDEX `analytics_scores_segment_idx` ON `analytics_scores` (`run_id`,`segment`);--> statement-breakpoint
CREATE INDEX `analytics_scores_churn_idx` ON `analytics_scores` (`run_id`,`churn_risk`);--> statement-breakpoint
CREATE INDEX `analytics_scores_clv_idx` ON `analytics_scores` (`run_id`,`clv_cents`);