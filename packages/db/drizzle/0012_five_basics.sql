CREATE TABLE `committee_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`post` text NOT NULL,
	`start_on` text NOT NULL,
	`end_on` text,
	`on_board` integer DEFAULT false NOT NULL,
	`in_management` integer DEFAULT false NOT NULL,
	`on_supervisory_board` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `committee_members_org_idx` ON `committee_members` (`org_id`,`start_on`);--> statement-breakpoint
CREATE INDEX `committee_members_member_idx` ON `committee_members` (`member_id`);--> statement-breakpoint
CREATE TABLE `org_funds` (
	`org_id` integer NOT NULL,
	`year` integer NOT NULL,
	`source` text NOT NULL,
	`amount_fen` integer NOT NULL,
	PRIMARY KEY(`org_id`, `year`, `source`),
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `org_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`rule` text NOT NULL,
	`adopted_on` text NOT NULL,
	`dropped_on` text,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `org_rules_org_idx` ON `org_rules` (`org_id`,`rule`);--> statement-breakpoint
CREATE TABLE `reserve_cadres` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`start_on` text NOT NULL,
	`end_on` text,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reserve_cadres_org_idx` ON `reserve_cadres` (`org_id`,`start_on`);--> statement-breakpoint
CREATE TABLE `secretary_allowances` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`secretary_id` integer NOT NULL,
	`monthly_fen` integer NOT NULL,
	`start_on` text NOT NULL,
	`end_on` text,
	FOREIGN KEY (`secretary_id`) REFERENCES `secretaries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `secretary_allowances_secretary_idx` ON `secretary_allowances` (`secretary_id`,`start_on`);--> statement-breakpoint
CREATE TABLE `venue_checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`venue_id` integer NOT NULL,
	`checked_on` text NOT NULL,
	`status` text NOT NULL,
	`area_sqm` integer,
	`has_av` integer DEFAULT false NOT NULL,
	`has_furniture` integer DEFAULT false NOT NULL,
	`has_flag` integer DEFAULT false NOT NULL,
	`has_emblem` integer DEFAULT false NOT NULL,
	`has_reading` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `venue_checks_day_idx` ON `venue_checks` (`venue_id`,`checked_on`);--> statement-breakpoint
CREATE TABLE `venue_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`venue_id` integer NOT NULL,
	`org_id` integer NOT NULL,
	`start_on` text NOT NULL,
	`end_on` text,
	FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `venue_links_org_idx` ON `venue_links` (`org_id`);--> statement-breakpoint
CREATE INDEX `venue_links_venue_idx` ON `venue_links` (`venue_id`);--> statement-breakpoint
CREATE TABLE `venues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`org_id` integer,
	`run_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`run_by`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `venues_org_idx` ON `venues` (`org_id`);--> statement-breakpoint
CREATE INDEX `venues_run_by_idx` ON `venues` (`run_by`);--> statement-breakpoint
ALTER TABLE `host_years` ADD `payroll_fen` integer;--> statement-breakpoint
ALTER TABLE `secretaries` ADD `kind` text;--> statement-breakpoint
ALTER TABLE `secretaries` ADD `source` text;