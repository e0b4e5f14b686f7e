CREATE TABLE `report_records` (
	`submission_id` integer NOT NULL,
	`row_index` integer NOT NULL,
	`row_kind` text NOT NULL,
	`row_org_id` integer NOT NULL,
	`data` text NOT NULL,
	PRIMARY KEY(`submission_id`, `row_index`),
	FOREIGN KEY (`submission_id`) REFERENCES `report_submissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`row_org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
