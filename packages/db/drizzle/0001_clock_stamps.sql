-- Timestamps come from the application's one clock (pinnable), no longer from SQLite's 'now': the
-- created_at / at defaults are dropped, which SQLite can only do by rebuilding each table. The rebuild keeps
-- every row and id; AUTOINCREMENT counters are kept at their high-water marks (restored at the end), so an
-- id that was once used (the audit log holds ids) is never given again.
CREATE TEMP TABLE `_keep_sequence` AS SELECT `name`, `seq` FROM `sqlite_sequence`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_applicants` (
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
	`created_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`work_host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_applicants`("id", "id_number", "name", "gender", "org_id", "work_host_id", "applied_on", "activist_on", "candidate_on", "probationary_on", "full_on", "member_id", "created_at") SELECT "id", "id_number", "name", "gender", "org_id", "work_host_id", "applied_on", "activist_on", "candidate_on", "probationary_on", "full_on", "member_id", "created_at" FROM `applicants`;--> statement-breakpoint
DROP TABLE `applicants`;--> statement-breakpoint
ALTER TABLE `__new_applicants` RENAME TO `applicants`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `applicants_id_number_uq` ON `applicants` (`id_number`);--> statement-breakpoint
CREATE INDEX `applicants_org_idx` ON `applicants` (`org_id`);--> statement-breakpoint
CREATE TABLE `__new_audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
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
INSERT INTO `__new_audit_log`("id", "at", "user_id", "username", "action", "entity", "entity_id", "scope_org_id", "before", "after") SELECT "id", "at", "user_id", "username", "action", "entity", "entity_id", "scope_org_id", "before", "after" FROM `audit_log`;--> statement-breakpoint
DROP TABLE `audit_log`;--> statement-breakpoint
ALTER TABLE `__new_audit_log` RENAME TO `audit_log`;--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_scope_idx` ON `audit_log` (`scope_org_id`,`at`);--> statement-breakpoint
CREATE TABLE `__new_elections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`held_on` text NOT NULL,
	`term_years` integer NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_elections`("id", "org_id", "held_on", "term_years", "note", "created_at") SELECT "id", "org_id", "held_on", "term_years", "note", "created_at" FROM `elections`;--> statement-breakpoint
DROP TABLE `elections`;--> statement-breakpoint
ALTER TABLE `__new_elections` RENAME TO `elections`;--> statement-breakpoint
CREATE INDEX `elections_org_idx` ON `elections` (`org_id`,`held_on`);--> statement-breakpoint
CREATE TABLE `__new_establishment_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`host_id` integer NOT NULL,
	`target_on` text NOT NULL,
	`responsible` text NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`closed_on` text,
	`closed_reason` text,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_establishment_plans`("id", "host_id", "target_on", "responsible", "state", "closed_on", "closed_reason", "created_by", "created_at") SELECT "id", "host_id", "target_on", "responsible", "state", "closed_on", "closed_reason", "created_by", "created_at" FROM `establishment_plans`;--> statement-breakpoint
DROP TABLE `establishment_plans`;--> statement-breakpoint
ALTER TABLE `__new_establishment_plans` RENAME TO `establishment_plans`;--> statement-breakpoint
CREATE INDEX `establishment_plans_host_idx` ON `establishment_plans` (`host_id`,`state`);--> statement-breakpoint
CREATE TABLE `__new_host_corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`host_id` integer NOT NULL,
	`requested_by` integer NOT NULL,
	`payload` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`decided_by` integer,
	`decided_at` text,
	`reason` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_host_corrections`("id", "host_id", "requested_by", "payload", "state", "decided_by", "decided_at", "reason", "created_at") SELECT "id", "host_id", "requested_by", "payload", "state", "decided_by", "decided_at", "reason", "created_at" FROM `host_corrections`;--> statement-breakpoint
DROP TABLE `host_corrections`;--> statement-breakpoint
ALTER TABLE `__new_host_corrections` RENAME TO `host_corrections`;--> statement-breakpoint
CREATE INDEX `host_corrections_host_idx` ON `host_corrections` (`host_id`,`state`);--> statement-breakpoint
CREATE TABLE `__new_hosts` (
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
	`created_at` text NOT NULL,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_hosts`("id", "credit_code", "name", "kind", "industry", "region_id", "founded_on", "closed_on", "owner_name", "owner_is_member", "contact_phone", "address", "union_on", "youth_league_on", "women_on", "version", "created_at") SELECT "id", "credit_code", "name", "kind", "industry", "region_id", "founded_on", "closed_on", "owner_name", "owner_is_member", "contact_phone", "address", "union_on", "youth_league_on", "women_on", "version", "created_at" FROM `hosts`;--> statement-breakpoint
DROP TABLE `hosts`;--> statement-breakpoint
ALTER TABLE `__new_hosts` RENAME TO `hosts`;--> statement-breakpoint
CREATE UNIQUE INDEX `hosts_credit_code_uq` ON `hosts` (`credit_code`);--> statement-breakpoint
CREATE INDEX `hosts_region_idx` ON `hosts` (`region_id`);--> statement-breakpoint
CREATE INDEX `hosts_name_idx` ON `hosts` (`name`);--> statement-breakpoint
CREATE TABLE `__new_instructors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`dispatch_org_id` integer,
	`dispatch_org_name` text,
	`registered_by_id` integer NOT NULL,
	`phone` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`dispatch_org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registered_by_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_instructors`("id", "number", "name", "kind", "dispatch_org_id", "dispatch_org_name", "registered_by_id", "phone", "version", "created_at") SELECT "id", "number", "name", "kind", "dispatch_org_id", "dispatch_org_name", "registered_by_id", "phone", "version", "created_at" FROM `instructors`;--> statement-breakpoint
DROP TABLE `instructors`;--> statement-breakpoint
ALTER TABLE `__new_instructors` RENAME TO `instructors`;--> statement-breakpoint
CREATE UNIQUE INDEX `instructors_number_uq` ON `instructors` (`number`);--> statement-breakpoint
CREATE INDEX `instructors_dispatch_idx` ON `instructors` (`dispatch_org_id`);--> statement-breakpoint
CREATE INDEX `instructors_registered_idx` ON `instructors` (`registered_by_id`);--> statement-breakpoint
CREATE TABLE `__new_jobs` (
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
	`created_at` text NOT NULL,
	`finished_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_jobs`("id", "kind", "user_id", "file_name", "state", "done", "total", "stage", "errors", "summary", "result_path", "created_at", "finished_at") SELECT "id", "kind", "user_id", "file_name", "state", "done", "total", "stage", "errors", "summary", "result_path", "created_at", "finished_at" FROM `jobs`;--> statement-breakpoint
DROP TABLE `jobs`;--> statement-breakpoint
ALTER TABLE `__new_jobs` RENAME TO `jobs`;--> statement-breakpoint
CREATE INDEX `jobs_user_idx` ON `jobs` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `__new_meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`kind` text NOT NULL,
	`held_on` text NOT NULL,
	`topic` text,
	`attendees` integer,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_meetings`("id", "org_id", "kind", "held_on", "topic", "attendees", "created_by", "created_at") SELECT "id", "org_id", "kind", "held_on", "topic", "attendees", "created_by", "created_at" FROM `meetings`;--> statement-breakpoint
DROP TABLE `meetings`;--> statement-breakpoint
ALTER TABLE `__new_meetings` RENAME TO `meetings`;--> statement-breakpoint
CREATE INDEX `meetings_org_idx` ON `meetings` (`org_id`,`held_on`);--> statement-breakpoint
CREATE TABLE `__new_member_status_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`status` text NOT NULL,
	`effective_on` text NOT NULL,
	`reason` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_member_status_events`("id", "member_id", "status", "effective_on", "reason", "created_at") SELECT "id", "member_id", "status", "effective_on", "reason", "created_at" FROM `member_status_events`;--> statement-breakpoint
DROP TABLE `member_status_events`;--> statement-breakpoint
ALTER TABLE `__new_member_status_events` RENAME TO `member_status_events`;--> statement-breakpoint
CREATE INDEX `member_status_events_member_idx` ON `member_status_events` (`member_id`,`effective_on`);--> statement-breakpoint
CREATE TABLE `__new_members` (
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
	`created_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`work_host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_members`("id", "id_number", "name", "gender", "birth_date", "joined_on", "full_on", "org_id", "outside_org_name", "work_host_id", "work_since", "job_category", "status", "status_on", "mobile", "lost_contact", "pocket", "phone", "version", "created_at") SELECT "id", "id_number", "name", "gender", "birth_date", "joined_on", "full_on", "org_id", "outside_org_name", "work_host_id", "work_since", "job_category", "status", "status_on", "mobile", "lost_contact", "pocket", "phone", "version", "created_at" FROM `members`;--> statement-breakpoint
DROP TABLE `members`;--> statement-breakpoint
ALTER TABLE `__new_members` RENAME TO `members`;--> statement-breakpoint
CREATE UNIQUE INDEX `members_id_number_uq` ON `members` (`id_number`);--> statement-breakpoint
CREATE INDEX `members_org_idx` ON `members` (`org_id`);--> statement-breakpoint
CREATE INDEX `members_work_host_idx` ON `members` (`work_host_id`);--> statement-breakpoint
CREATE INDEX `members_name_idx` ON `members` (`name`);--> statement-breakpoint
CREATE TABLE `__new_org_reparentings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`from_parent_id` integer NOT NULL,
	`to_parent_id` integer NOT NULL,
	`effective_on` text NOT NULL,
	`doc_no` text,
	`reason` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_parent_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_parent_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_org_reparentings`("id", "org_id", "from_parent_id", "to_parent_id", "effective_on", "doc_no", "reason", "created_at") SELECT "id", "org_id", "from_parent_id", "to_parent_id", "effective_on", "doc_no", "reason", "created_at" FROM `org_reparentings`;--> statement-breakpoint
DROP TABLE `org_reparentings`;--> statement-breakpoint
ALTER TABLE `__new_org_reparentings` RENAME TO `org_reparentings`;--> statement-breakpoint
CREATE INDEX `org_reparentings_org_idx` ON `org_reparentings` (`org_id`,`effective_on`);--> statement-breakpoint
CREATE TABLE `__new_orgs` (
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
	`created_at` text NOT NULL,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_orgs`("id", "code", "name", "category", "parent_id", "path", "depth", "region_id", "formation_mode", "founded_on", "revoked_on", "last_election_on", "version", "created_at") SELECT "id", "code", "name", "category", "parent_id", "path", "depth", "region_id", "formation_mode", "founded_on", "revoked_on", "last_election_on", "version", "created_at" FROM `orgs`;--> statement-breakpoint
DROP TABLE `orgs`;--> statement-breakpoint
ALTER TABLE `__new_orgs` RENAME TO `orgs`;--> statement-breakpoint
CREATE UNIQUE INDEX `orgs_code_uq` ON `orgs` (`code`);--> statement-breakpoint
CREATE INDEX `orgs_path_idx` ON `orgs` (`path`);--> statement-breakpoint
CREATE INDEX `orgs_parent_idx` ON `orgs` (`parent_id`);--> statement-breakpoint
CREATE INDEX `orgs_region_idx` ON `orgs` (`region_id`);--> statement-breakpoint
CREATE TABLE `__new_pacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`start_on` text NOT NULL,
	`end_on` text,
	`outcome` text,
	`funds` real,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_pacts`("id", "kind", "name", "start_on", "end_on", "outcome", "funds", "created_by", "created_at") SELECT "id", "kind", "name", "start_on", "end_on", "outcome", "funds", "created_by", "created_at" FROM `pacts`;--> statement-breakpoint
DROP TABLE `pacts`;--> statement-breakpoint
ALTER TABLE `__new_pacts` RENAME TO `pacts`;--> statement-breakpoint
CREATE INDEX `pacts_start_idx` ON `pacts` (`start_on`);--> statement-breakpoint
CREATE TABLE `__new_plan_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`noted_on` text NOT NULL,
	`note` text NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `establishment_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_plan_notes`("id", "plan_id", "noted_on", "note", "created_by", "created_at") SELECT "id", "plan_id", "noted_on", "note", "created_by", "created_at" FROM `plan_notes`;--> statement-breakpoint
DROP TABLE `plan_notes`;--> statement-breakpoint
ALTER TABLE `__new_plan_notes` RENAME TO `plan_notes`;--> statement-breakpoint
CREATE INDEX `plan_notes_plan_idx` ON `plan_notes` (`plan_id`);--> statement-breakpoint
CREATE TABLE `__new_policies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`effective_on` text NOT NULL,
	`params` text NOT NULL,
	`note` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_policies`("id", "effective_on", "params", "note", "created_at") SELECT "id", "effective_on", "params", "note", "created_at" FROM `policies`;--> statement-breakpoint
DROP TABLE `policies`;--> statement-breakpoint
ALTER TABLE `__new_policies` RENAME TO `policies`;--> statement-breakpoint
CREATE UNIQUE INDEX `policies_effective_uq` ON `policies` (`effective_on`);--> statement-breakpoint
CREATE TABLE `__new_ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`year` integer NOT NULL,
	`stars` integer,
	`grade` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_ratings`("id", "org_id", "year", "stars", "grade", "created_at") SELECT "id", "org_id", "year", "stars", "grade", "created_at" FROM `ratings`;--> statement-breakpoint
DROP TABLE `ratings`;--> statement-breakpoint
ALTER TABLE `__new_ratings` RENAME TO `ratings`;--> statement-breakpoint
CREATE UNIQUE INDEX `ratings_org_year_uq` ON `ratings` (`org_id`,`year`);--> statement-breakpoint
CREATE TABLE `__new_rectifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`year` integer NOT NULL,
	`reason` text NOT NULL,
	`measures` text,
	`responsible` text,
	`deadline` text,
	`resolved_on` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_rectifications`("id", "org_id", "year", "reason", "measures", "responsible", "deadline", "resolved_on", "created_at") SELECT "id", "org_id", "year", "reason", "measures", "responsible", "deadline", "resolved_on", "created_at" FROM `rectifications`;--> statement-breakpoint
DROP TABLE `rectifications`;--> statement-breakpoint
ALTER TABLE `__new_rectifications` RENAME TO `rectifications`;--> statement-breakpoint
CREATE INDEX `rectifications_org_idx` ON `rectifications` (`org_id`,`year`);--> statement-breakpoint
CREATE TABLE `__new_report_submissions` (
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
	`created_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_report_submissions`("id", "org_id", "year", "state", "figures", "checks", "explanations", "submitted_by", "submitted_at", "decided_by", "decided_at", "return_reason", "version", "created_at") SELECT "id", "org_id", "year", "state", "figures", "checks", "explanations", "submitted_by", "submitted_at", "decided_by", "decided_at", "return_reason", "version", "created_at" FROM `report_submissions`;--> statement-breakpoint
DROP TABLE `report_submissions`;--> statement-breakpoint
ALTER TABLE `__new_report_submissions` RENAME TO `report_submissions`;--> statement-breakpoint
CREATE UNIQUE INDEX `report_submissions_org_year_uq` ON `report_submissions` (`org_id`,`year`);--> statement-breakpoint
CREATE TABLE `__new_transfers` (
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
	`created_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_transfers`("id", "member_id", "from_org_id", "to_org_id", "outside_org_name", "requested_on", "effective_on", "state", "decided_on", "decision_reason", "requested_by", "decided_by", "created_at") SELECT "id", "member_id", "from_org_id", "to_org_id", "outside_org_name", "requested_on", "effective_on", "state", "decided_on", "decision_reason", "requested_by", "decided_by", "created_at" FROM `transfers`;--> statement-breakpoint
DROP TABLE `transfers`;--> statement-breakpoint
ALTER TABLE `__new_transfers` RENAME TO `transfers`;--> statement-breakpoint
CREATE INDEX `transfers_member_idx` ON `transfers` (`member_id`);--> statement-breakpoint
CREATE INDEX `transfers_to_idx` ON `transfers` (`to_org_id`,`state`);--> statement-breakpoint
CREATE INDEX `transfers_from_idx` ON `transfers` (`from_org_id`,`state`);--> statement-breakpoint
CREATE TABLE `__new_users` (
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
	`created_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_users`("id", "username", "display_name", "password_hash", "role", "org_id", "host_id", "disabled", "failed_logins", "locked_until", "password_changed_at", "created_at") SELECT "id", "username", "display_name", "password_hash", "role", "org_id", "host_id", "disabled", "failed_logins", "locked_until", "password_changed_at", "created_at" FROM `users`;--> statement-breakpoint
DROP TABLE `users`;--> statement-breakpoint
ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_uq` ON `users` (`username`);--> statement-breakpoint
CREATE INDEX `users_org_idx` ON `users` (`org_id`);
--> statement-breakpoint
UPDATE `sqlite_sequence` SET `seq` = (SELECT k.`seq` FROM `_keep_sequence` k WHERE k.`name` = `sqlite_sequence`.`name`) WHERE `seq` < (SELECT k.`seq` FROM `_keep_sequence` k WHERE k.`name` = `sqlite_sequence`.`name`);--> statement-breakpoint
INSERT INTO `sqlite_sequence` (`name`, `seq`) SELECT k.`name`, k.`seq` FROM `_keep_sequence` k WHERE k.`name` NOT IN (SELECT `name` FROM `sqlite_sequence`);--> statement-breakpoint
DROP TABLE `_keep_sequence`;
