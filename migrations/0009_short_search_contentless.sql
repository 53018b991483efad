-- The one- and two-character index (0003) kept a copy of every token list it indexes, which
-- nothing reads: searches use MATCH and the rowid only. Contentless (with deletes, SQLite 3.43+)
-- it stores just the index: ~18 MB less per 100,000 customers, and less for an import to write.
CREATE VIRTUAL TABLE `customer_short_search_index` USING fts5(
	`starts`, `grams`,
	tokenize = 'unicode61 remove_diacritics 0', detail = 'column', content = '', contentless_delete = 1
);
--> statement-breakpoint
INSERT INTO `customer_short_search_index` (rowid, starts, grams)
	SELECT rowid, starts, grams FROM `customer_short_search`;
--> statement-breakpoint
DROP TABLE `customer_short_search`;
--> statement-breakpoint
ALTER TABLE `customer_short_search_index` RENAME TO `customer_short_search`;
