CREATE TABLE `applicants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id_number` text NOT NULL,
	`name` text NOT NULL,
	`gender` text NOT NULL,
	`org_id` integer NOT NULL,
	`work_host_id` integer,
	`applied_on` text NOT NULL,
	`activist_on` text,
	`candidate_on` text,
	`probationary_on` text,
	`full_on` text,
	`member_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`work_host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applicants_id_number_uq` ON `applicants` (`id_number`);--> statement-breakpoint
CREATE INDEX `applicants_org_idx` ON `applicants` (`org_id`);--> statement-breakpoint
CREATE TABLE `assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`instructor_id` integer NOT NULL,
	`host_id` integer NOT NULL,
	`start_on` text NOT NULL,
	`end_on` text,
	FOREIGN KEY (`instructor_id`) REFERENCES `instructors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assignments_instructor_idx` ON `assignments` (`instructor_id`,`start_on`);--> statement-breakpoint
CREATE INDEX `assignments_host_idx` ON `assignments` (`host_id`,`start_on`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`user_id` integer,
	`username` text,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`scope_org_id` integer,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_scope_idx` ON `audit_log` (`scope_org_id`,`at`);--> statement-breakpoint
CREATE TABLE `coverages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`host_id` integer NOT NULL,
	`org_id` integer NOT NULL,
	`start_on` text NOT NULL,
	`end_on` text,
	FOREIGN KEY (`host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `coverages_host_idx` ON `coverages` (`host_id`,`start_on`);--> statement-breakpoint
CREATE INDEX `coverages_org_idx` ON `coverages` (`org_id`,`start_on`);--> statement-breakpoint
CREATE TABLE `dual_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`regional_org_id` integer NOT NULL,
	`start_on` text NOT NULL,
	`end_on` text,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`regional_org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dual_links_org_idx` ON `dual_links` (`org_id`);--> statement-breakpoint
CREATE INDEX `dual_links_regional_idx` ON `dual_links` (`regional_org_id`);--> statement-breakpoint
CREATE TABLE `elections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`held_on` text NOT NULL,
	`term_years` integer NOT NULL,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `elections_org_idx` ON `elections` (`org_id`,`held_on`);--> statement-breakpoint
CREATE TABLE `establishment_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`host_id` integer NOT NULL,
	`target_on` text NOT NULL,
	`responsible` text NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`closed_on` text,
	`closed_reason` text,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `establishment_plans_host_idx` ON `establishment_plans` (`host_id`,`state`);--> statement-breakpoint
CREATE TABLE `host_corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`host_id` integer NOT NULL,
	`requested_by` integer NOT NULL,
	`payload` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`decided_by` integer,
	`decided_at` text,
	`reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `host_corrections_host_idx` ON `host_corrections` (`host_id`,`state`);--> statement-breakpoint
CREATE TABLE `host_years` (
	`host_id` integer NOT NULL,
	`year` integer NOT NULL,
	`employees` integer NOT NULL,
	`revenue` real,
	PRIMARY KEY(`host_id`, `year`),
	FOREIGN KEY (`host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `hosts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`credit_code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`industry` text,
	`region_id` integer NOT NULL,
	`founded_on` text NOT NULL,
	`closed_on` text,
	`owner_name` text,
	`owner_is_member` integer DEFAULT false NOT NULL,
	`contact_phone` text,
	`address` text,
	`union_on` text,
	`youth_league_on` text,
	`women_on` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hosts_credit_code_uq` ON `hosts` (`credit_code`);--> statement-breakpoint
CREATE INDEX `hosts_region_idx` ON `hosts` (`region_id`);--> statement-breakpoint
CREATE INDEX `hosts_name_idx` ON `hosts` (`name`);--> statement-breakpoint
CREATE TABLE `instructors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`dispatch_org_id` integer,
	`dispatch_org_name` text,
	`registered_by_id` integer NOT NULL,
	`phone` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`dispatch_org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registered_by_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `instructors_number_uq` ON `instructors` (`number`);--> statement-breakpoint
CREATE INDEX `instructors_dispatch_idx` ON `instructors` (`dispatch_org_id`);--> statement-breakpoint
CREATE INDEX `instructors_registered_idx` ON `instructors` (`registered_by_id`);--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`user_id` integer,
	`file_name` text,
	`state` text DEFAULT 'queued' NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`stage` text,
	`errors` text,
	`summary` text,
	`result_path` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`finished_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `jobs_user_idx` ON `jobs` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`kind` text NOT NULL,
	`held_on` text NOT NULL,
	`topic` text,
	`attendees` integer,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meetings_org_idx` ON `meetings` (`org_id`,`held_on`);--> statement-breakpoint
CREATE TABLE `member_relationships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`org_id` integer,
	`outside_org_name` text,
	`start_on` text NOT NULL,
	`end_on` text,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `member_relationships_member_idx` ON `member_relationships` (`member_id`,`start_on`);--> statement-breakpoint
CREATE INDEX `member_relationships_org_idx` ON `member_relationships` (`org_id`,`start_on`);--> statement-breakpoint
CREATE TABLE `member_status_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`status` text NOT NULL,
	`effective_on` text NOT NULL,
	`reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `member_status_events_member_idx` ON `member_status_events` (`member_id`,`effective_on`);--> statement-breakpoint
CREATE TABLE `member_workplaces` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`host_id` integer NOT NULL,
	`start_on` text NOT NULL,
	`end_on` text,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `member_workplaces_member_idx` ON `member_workplaces` (`member_id`,`start_on`);--> statement-breakpoint
CREATE INDEX `member_workplaces_host_idx` ON `member_workplaces` (`host_id`,`start_on`);--> statement-breakpoint
CREATE TABLE `members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id_number` text NOT NULL,
	`name` text NOT NULL,
	`gender` text NOT NULL,
	`birth_date` text,
	`joined_on` text NOT NULL,
	`full_on` text,
	`org_id` integer,
	`outside_org_name` text,
	`work_host_id` integer,
	`work_since` text,
	`job_category` text,
	`status` text DEFAULT 'normal' NOT NULL,
	`status_on` text,
	`mobile` integer DEFAULT false NOT NULL,
	`lost_contact` integer DEFAULT false NOT NULL,
	`pocket` integer DEFAULT false NOT NULL,
	`phone` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`work_host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_id_number_uq` ON `members` (`id_number`);--> statement-breakpoint
CREATE INDEX `members_org_idx` ON `members` (`org_id`);--> statement-breakpoint
CREATE INDEX `members_work_host_idx` ON `members` (`work_host_id`);--> statement-breakpoint
CREATE INDEX `members_name_idx` ON `members` (`name`);--> statement-breakpoint
CREATE TABLE `org_reparentings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`from_parent_id` integer NOT NULL,
	`to_parent_id` integer NOT NULL,
	`effective_on` text NOT NULL,
	`doc_no` text,
	`reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_parent_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_parent_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `org_reparentings_org_idx` ON `org_reparentings` (`org_id`,`effective_on`);--> statement-breakpoint
CREATE TABLE `orgs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`parent_id` integer,
	`path` text NOT NULL,
	`depth` integer NOT NULL,
	`region_id` integer,
	`formation_mode` text,
	`founded_on` text NOT NULL,
	`revoked_on` text,
	`last_election_on` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orgs_code_uq` ON `orgs` (`code`);--> statement-breakpoint
CREATE INDEX `orgs_path_idx` ON `orgs` (`path`);--> statement-breakpoint
CREATE INDEX `orgs_parent_idx` ON `orgs` (`parent_id`);--> statement-breakpoint
CREATE INDEX `orgs_region_idx` ON `orgs` (`region_id`);--> statement-breakpoint
CREATE TABLE `pact_parties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pact_id` integer NOT NULL,
	`org_id` integer,
	`host_id` integer,
	`name` text,
	FOREIGN KEY (`pact_id`) REFERENCES `pacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pact_parties_pact_idx` ON `pact_parties` (`pact_id`);--> statement-breakpoint
CREATE INDEX `pact_parties_org_idx` ON `pact_parties` (`org_id`);--> statement-breakpoint
CREATE TABLE `pacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`start_on` text NOT NULL,
	`end_on` text,
	`outcome` text,
	`funds` real,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pacts_start_idx` ON `pacts` (`start_on`);--> statement-breakpoint
CREATE TABLE `plan_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`noted_on` text NOT NULL,
	`note` text NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `establishment_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_notes_plan_idx` ON `plan_notes` (`plan_id`);--> statement-breakpoint
CREATE TABLE `policies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`effective_on` text NOT NULL,
	`params` text NOT NULL,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `policies_effective_uq` ON `policies` (`effective_on`);--> statement-breakpoint
CREATE TABLE `ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`year` integer NOT NULL,
	`stars` integer,
	`grade` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ratings_org_year_uq` ON `ratings` (`org_id`,`year`);--> statement-breakpoint
CREATE TABLE `rectifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`year` integer NOT NULL,
	`reason` text NOT NULL,
	`measures` text,
	`responsible` text,
	`deadline` text,
	`resolved_on` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rectifications_org_idx` ON `rectifications` (`org_id`,`year`);--> statement-breakpoint
CREATE TABLE `regions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`level` text NOT NULL,
	`parent_id` integer,
	`path` text NOT NULL,
	`depth` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `regions_code_uq` ON `regions` (`code`);--> statement-breakpoint
CREATE INDEX `regions_path_idx` ON `regions` (`path`);--> statement-breakpoint
CREATE TABLE `report_submissions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`year` integer NOT NULL,
	`state` text NOT NULL,
	`figures` text NOT NULL,
	`checks` text,
	`explanations` text,
	`submitted_by` integer,
	`submitted_at` text,
	`decided_by` integer,
	`decided_at` text,
	`return_reason` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_submissions_org_year_uq` ON `report_submissions` (`org_id`,`year`);--> statement-breakpoint
CREATE TABLE `secretaries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`start_on` text NOT NULL,
	`end_on` text,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `secretaries_org_idx` ON `secretaries` (`org_id`,`start_on`);--> statement-breakpoint
CREATE INDEX `secretaries_member_idx` ON `secretaries` (`member_id`);--> statement-breakpoint
CREATE TABLE `transfers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`from_org_id` integer,
	`to_org_id` integer,
	`outside_org_name` text,
	`requested_on` text NOT NULL,
	`effective_on` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`decided_on` text,
	`decision_reason` text,
	`requested_by` integer,
	`decided_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `transfers_member_idx` ON `transfers` (`member_id`);--> statement-breakpoint
CREATE INDEX `transfers_to_idx` ON `transfers` (`to_org_id`,`state`);--> statement-breakpoint
CREATE INDEX `transfers_from_idx` ON `transfers` (`from_org_id`,`state`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`org_id` integer,
	`host_id` integer,
	`disabled` integer DEFAULT false NOT NULL,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`password_changed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_uq` ON `users` (`username`);--> statement-breakpoint
CREATE INDEX `users_org_idx` ON `users` (`org_id`);