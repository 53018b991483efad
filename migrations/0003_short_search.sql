DROP INDEX `customers_stage_idx`;--> statement-breakpoint
DROP INDEX `customers_source_idx`;--> statement-breakpoint
DROP INDEX `customers_city_idx`;--> statement-breakpoint
CREATE INDEX `customers_stage_idx` ON `customers` (`stage`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `customers_source_idx` ON `customers` (`source`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `customers_city_idx` ON `customers` (`city`,`deleted_at`);--> statement-breakpoint
-- One- and two-character queries (`zs`, `张三`, `龙井`) cannot use trigrams. rowid = customers.id.
-- `starts`: the 1–2 character beginnings of the name and of each pinyin form (ranked first);
-- `grams`: every distinct 1–2 character piece of name, pinyin, company, WeChat and notes.
-- Written by the customer service next to customer_search (see customers/shortSearch.ts).
CREATE VIRTUAL TABLE `customer_short_search` USING fts5(
	`starts`, `grams`,
	tokenize = 'unicode61 remove_diacritics 0', detail = 'column'
);
