-- Full-text search over customers and conversations (FTS5, trigram tokenizer: substring search
-- that works for Chinese names, pinyin, phone digits and emails). Rows are written by the
-- services in the same transaction as the records they index (pinyin needs JavaScript).
-- rowid = customers.id
CREATE VIRTUAL TABLE `customer_search` USING fts5(
	`name`, `pinyin`, `company`, `contacts`, `wechat`, `notes`,
	tokenize = 'trigram'
);
--> statement-breakpoint
-- rowid = conversations.id
CREATE VIRTUAL TABLE `conversation_search` USING fts5(
	`subject`, `body`, `customer_id` UNINDEXED,
	tokenize = 'trigram'
);
