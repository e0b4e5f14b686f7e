CREATE TABLE `contact_points` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`leader_id` integer NOT NULL,
	`org_id` integer,
	`host_id` integer,
	`start_on` text NOT NULL,
	`end_on` text,
	FOREIGN KEY (`leader_id`) REFERENCES `leaders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contact_points_leader_idx` ON `contact_points` (`leader_id`,`start_on`);--> statement-breakpoint
CREATE INDEX `contact_points_org_idx` ON `contact_points` (`org_id`);--> statement-breakpoint
CREATE INDEX `contact_points_host_idx` ON `contact_points` (`host_id`);--> statement-breakpoint
CREATE TABLE `contact_visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contact_point_id` integer NOT NULL,
	`visited_on` text NOT NULL,
	`content` text NOT NULL,
	`problems` text,
	`follow_up` text,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`contact_point_id`) REFERENCES `contact_points`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contact_visits_point_idx` ON `contact_visits` (`contact_point_id`,`visited_on`);--> statement-breakpoint
CREATE TABLE `five_good_awards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`year` integer NOT NULL,
	`applied_on` text NOT NULL,
	`application` text,
	`applied_by` integer,
	`decision` text,
	`level` text,
	`reviewed_on` text,
	`reviewer_id` integer,
	`review_note` text,
	`reviewed_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`applied_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `five_good_awards_year_uq` ON `five_good_awards` (`org_id`,`year`);--> statement-breakpoint
CREATE INDEX `five_good_awards_year_idx` ON `five_good_awards` (`year`);--> statement-breakpoint
CREATE TABLE `instructor_assessments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`instructor_id` integer NOT NULL,
	`year` integer NOT NULL,
	`grade` text NOT NULL,
	`remarks` text,
	`assessed_on` text NOT NULL,
	`assessed_by_id` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`instructor_id`) REFERENCES `instructors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assessed_by_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `instructor_assessments_year_uq` ON `instructor_assessments` (`instructor_id`,`year`);--> statement-breakpoint
CREATE TABLE `leaders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`post` text NOT NULL,
	`unit` text NOT NULL,
	`registered_by_id` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`registered_by_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `leaders_registered_idx` ON `leaders` (`registered_by_id`);--> statement-breakpoint
CREATE TABLE `secretary_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`year` integer NOT NULL,
	`grade` text NOT NULL,
	`remarks` text,
	`reviewed_on` text NOT NULL,
	`reviewed_by_id` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `secretary_reviews_year_uq` ON `secretary_reviews` (`org_id`,`member_id`,`year`);--> statement-breakpoint
CREATE INDEX `secretary_reviews_member_idx` ON `secretary_reviews` (`member_id`);--> statement-breakpoint
CREATE TABLE `showcases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer,
	`host_id` integer,
	`level` text NOT NULL,
	`named_by_id` integer NOT NULL,
	`start_on` text NOT NULL,
	`end_on` text,
	`reasons` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`named_by_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `showcases_org_idx` ON `showcases` (`org_id`);--> statement-breakpoint
CREATE INDEX `showcases_host_idx` ON `showcases` (`host_id`);--> statement-breakpoint
CREATE INDEX `showcases_named_by_idx` ON `showcases` (`named_by_id`);--> statement-breakpoint
CREATE TABLE `training_participants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`training_id` integer NOT NULL,
	`kind` text NOT NULL,
	`member_id` integer,
	`instructor_id` integer,
	`host_id` integer,
	FOREIGN KEY (`training_id`) REFERENCES `trainings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`instructor_id`) REFERENCES `instructors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `training_participants_training_idx` ON `training_participants` (`training_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `training_participants_member_uq` ON `training_participants` (`training_id`,`member_id`) WHERE member_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `training_participants_instructor_uq` ON `training_participants` (`training_id`,`instructor_id`) WHERE instructor_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `training_participants_host_uq` ON `training_participants` (`training_id`,`host_id`) WHERE host_id is not null;--> statement-breakpoint
CREATE INDEX `training_participants_member_idx` ON `training_participants` (`member_id`);--> statement-breakpoint
CREATE INDEX `training_participants_instructor_idx` ON `training_participants` (`instructor_id`);--> statement-breakpoint
CREATE INDEX `training_participants_host_idx` ON `training_participants` (`host_id`);--> statement-breakpoint
CREATE TABLE `trainings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organizer_id` integer NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`start_on` text NOT NULL,
	`end_on` text NOT NULL,
	`place` text,
	`hours` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organizer_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `trainings_organizer_idx` ON `trainings` (`organizer_id`,`start_on`);--> statement-breakpoint
CREATE INDEX `trainings_start_idx` ON `trainings` (`start_on`);