-- The follow-up automation asks, every few minutes, for customers with a keep-in-touch cadence and
-- for birthdays coming up (by month-day); both read every customer without these. Partial: only
-- customers that have a cadence / a birthday are in them. (Written by hand: drizzle-kit quotes an
-- expression index's parts as if they were column names.)
CREATE INDEX `customers_keep_in_touch_idx` ON `customers` (`keep_in_touch_days`) WHERE keep_in_touch_days IS NOT NULL;--> statement-breakpoint
CREATE INDEX `customers_birthday_month_day_idx` ON `customers` (substr(`birthday`, 6)) WHERE birthday IS NOT NULL;
