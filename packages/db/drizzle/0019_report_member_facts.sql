CREATE TABLE `report_member_facts` (
	`year` integer NOT NULL,
	`owner_org_id` integer NOT NULL,
	`start_org_id` integer NOT NULL,
	`end_org_id` integer NOT NULL,
	`exit_status` text,
	`joined_in_year` integer NOT NULL,
	`members` integer NOT NULL,
	`full_members` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `report_member_facts_owner_idx` ON `report_member_facts` (`year`,`owner_org_id`);--> statement-breakpoint
CREATE TABLE `report_member_facts_dirty` (
	`org_id` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
-- The organizations whose members' year-end groups a write changes (report-facts.ts): every organization the
-- member has a relationship with (any of them may be the member's owner before or after), marked once each.
CREATE TRIGGER `report_member_facts_relationships_insert` AFTER INSERT ON `member_relationships` WHEN NOT EXISTS (SELECT 1 FROM report_member_facts_dirty WHERE org_id = 0) BEGIN INSERT INTO report_member_facts_dirty (org_id) SELECT DISTINCT r.org_id FROM member_relationships r WHERE r.member_id = NEW.member_id AND r.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_member_facts_dirty d WHERE d.org_id = r.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_member_facts_relationships_update` AFTER UPDATE OF member_id, org_id, start_on, end_on ON `member_relationships` WHEN NOT EXISTS (SELECT 1 FROM report_member_facts_dirty WHERE org_id = 0) BEGIN INSERT INTO report_member_facts_dirty (org_id) SELECT OLD.org_id WHERE OLD.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_member_facts_dirty WHERE org_id = OLD.org_id); INSERT INTO report_member_facts_dirty (org_id) SELECT DISTINCT r.org_id FROM member_relationships r WHERE r.member_id = OLD.member_id AND r.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_member_facts_dirty d WHERE d.org_id = r.org_id); INSERT INTO report_member_facts_dirty (org_id) SELECT DISTINCT r.org_id FROM member_relationships r WHERE r.member_id = NEW.member_id AND r.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_member_facts_dirty d WHERE d.org_id = r.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_member_facts_relationships_delete` AFTER DELETE ON `member_relationships` WHEN NOT EXISTS (SELECT 1 FROM report_member_facts_dirty WHERE org_id = 0) BEGIN INSERT INTO report_member_facts_dirty (org_id) SELECT OLD.org_id WHERE OLD.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_member_facts_dirty WHERE org_id = OLD.org_id); INSERT INTO report_member_facts_dirty (org_id) SELECT DISTINCT r.org_id FROM member_relationships r WHERE r.member_id = OLD.member_id AND r.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_member_facts_dirty d WHERE d.org_id = r.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_member_facts_members_update` AFTER UPDATE OF joined_on, full_on ON `members` WHEN NOT EXISTS (SELECT 1 FROM report_member_facts_dirty WHERE org_id = 0) BEGIN INSERT INTO report_member_facts_dirty (org_id) SELECT DISTINCT r.org_id FROM member_relationships r WHERE r.member_id = NEW.id AND r.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_member_facts_dirty d WHERE d.org_id = r.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_member_facts_members_delete` BEFORE DELETE ON `members` WHEN NOT EXISTS (SELECT 1 FROM report_member_facts_dirty WHERE org_id = 0) BEGIN INSERT INTO report_member_facts_dirty (org_id) SELECT DISTINCT r.org_id FROM member_relationships r WHERE r.member_id = OLD.id AND r.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_member_facts_dirty d WHERE d.org_id = r.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_member_facts_status_events_insert` AFTER INSERT ON `member_status_events` WHEN NOT EXISTS (SELECT 1 FROM report_member_facts_dirty WHERE org_id = 0) BEGIN INSERT INTO report_member_facts_dirty (org_id) SELECT DISTINCT r.org_id FROM member_relationships r WHERE r.member_id = NEW.member_id AND r.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_member_facts_dirty d WHERE d.org_id = r.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_member_facts_status_events_update` AFTER UPDATE OF member_id, effective_on, status ON `member_status_events` WHEN NOT EXISTS (SELECT 1 FROM report_member_facts_dirty WHERE org_id = 0) BEGIN INSERT INTO report_member_facts_dirty (org_id) SELECT DISTINCT r.org_id FROM member_relationships r WHERE r.member_id = OLD.member_id AND r.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_member_facts_dirty d WHERE d.org_id = r.org_id); INSERT INTO report_member_facts_dirty (org_id) SELECT DISTINCT r.org_id FROM member_relationships r WHERE r.member_id = NEW.member_id AND r.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_member_facts_dirty d WHERE d.org_id = r.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_member_facts_status_events_delete` AFTER DELETE ON `member_status_events` WHEN NOT EXISTS (SELECT 1 FROM report_member_facts_dirty WHERE org_id = 0) BEGIN INSERT INTO report_member_facts_dirty (org_id) SELECT DISTINCT r.org_id FROM member_relationships r WHERE r.member_id = OLD.member_id AND r.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_member_facts_dirty d WHERE d.org_id = r.org_id); END;
--> statement-breakpoint
-- Databases already keeping host parts count their members' groups at the next write transaction (or migrate).
INSERT INTO `report_member_facts_dirty` (`org_id`) VALUES (0);
