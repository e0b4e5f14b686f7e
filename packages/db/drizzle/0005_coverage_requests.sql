CREATE TABLE `coverage_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`host_id` integer NOT NULL,
	`org_id` integer NOT NULL,
	`start_on` text NOT NULL,
	`reason` text,
	`state` text DEFAULT 'pending' NOT NULL,
	`requested_by` integer NOT NULL,
	`requested_on` text NOT NULL,
	`decided_by` integer,
	`decided_on` text,
	`decision_reason` text,
	`coverage_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`coverage_id`) REFERENCES `coverages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `coverage_requests_host_idx` ON `coverage_requests` (`host_id`,`state`);--> statement-breakpoint
CREATE INDEX `coverage_requests_org_idx` ON `coverage_requests` (`org_id`,`state`);