CREATE TABLE `report_check_records` (
	`check_id` integer NOT NULL,
	`row_index` integer NOT NULL,
	`row_kind` text NOT NULL,
	`row_org_id` integer NOT NULL,
	`data` text NOT NULL,
	PRIMARY KEY(`check_id`, `row_index`),
	FOREIGN KEY (`check_id`) REFERENCES `report_checks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`row_org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `report_checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`year` integer NOT NULL,
	`figures` text NOT NULL,
	`checks` text NOT NULL,
	`checked_by` integer,
	`checked_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_checks_org_year_idx` ON `report_checks` (`org_id`,`year`,`id`);