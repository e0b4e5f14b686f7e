ALTER TABLE `jobs` ADD `worker_args` text;--> statement-breakpoint
ALTER TABLE `jobs` ADD `claimed_at` text;--> statement-breakpoint
ALTER TABLE `jobs` ADD `claimed_by` text;