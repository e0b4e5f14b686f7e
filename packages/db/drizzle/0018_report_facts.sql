CREATE TABLE `report_fact_years` (
	`year` integer PRIMARY KEY NOT NULL,
	`policy` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `report_facts_dirty` (
	`region_id` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `report_region_facts` (
	`year` integer NOT NULL,
	`region_id` integer NOT NULL,
	`counts` text NOT NULL,
	`instructors` text NOT NULL,
	PRIMARY KEY(`year`, `region_id`)
);
--> statement-breakpoint
-- The regions whose year-end host parts a write changes (report-facts.ts): marked once each, with plain
-- inserts (a trigger's INSERT OR IGNORE takes the conflict policy of the statement that fired it: an upsert's
-- would fail on a region already marked). Region 0: every region (a policy changed, or a bulk write).
CREATE TRIGGER `report_facts_hosts_insert` AFTER INSERT ON `hosts` WHEN NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0) BEGIN INSERT INTO report_facts_dirty (region_id) SELECT NEW.region_id WHERE NEW.region_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = NEW.region_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_facts_hosts_update` AFTER UPDATE OF region_id, kind, founded_on, closed_on, union_on, youth_league_on, women_on ON `hosts` WHEN NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0) BEGIN INSERT INTO report_facts_dirty (region_id) SELECT OLD.region_id WHERE OLD.region_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = OLD.region_id); INSERT INTO report_facts_dirty (region_id) SELECT NEW.region_id WHERE NEW.region_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = NEW.region_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_facts_hosts_delete` AFTER DELETE ON `hosts` WHEN NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0) BEGIN INSERT INTO report_facts_dirty (region_id) SELECT OLD.region_id WHERE OLD.region_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = OLD.region_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_facts_host_years_insert` AFTER INSERT ON `host_years` WHEN NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0) BEGIN INSERT INTO report_facts_dirty (region_id) SELECT DISTINCT h.region_id FROM hosts h WHERE h.id = NEW.host_id AND NOT EXISTS (SELECT 1 FROM report_facts_dirty d WHERE d.region_id = h.region_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_facts_host_years_update` AFTER UPDATE OF host_id, year, employees, revenue_fen ON `host_years` WHEN NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0) BEGIN INSERT INTO report_facts_dirty (region_id) SELECT DISTINCT h.region_id FROM hosts h WHERE h.id = OLD.host_id AND NOT EXISTS (SELECT 1 FROM report_facts_dirty d WHERE d.region_id = h.region_id); INSERT INTO report_facts_dirty (region_id) SELECT DISTINCT h.region_id FROM hosts h WHERE h.id = NEW.host_id AND NOT EXISTS (SELECT 1 FROM report_facts_dirty d WHERE d.region_id = h.region_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_facts_host_years_delete` AFTER DELETE ON `host_years` WHEN NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0) BEGIN INSERT INTO report_facts_dirty (region_id) SELECT DISTINCT h.region_id FROM hosts h WHERE h.id = OLD.host_id AND NOT EXISTS (SELECT 1 FROM report_facts_dirty d WHERE d.region_id = h.region_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_facts_coverages_insert` AFTER INSERT ON `coverages` WHEN NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0) BEGIN INSERT INTO report_facts_dirty (region_id) SELECT DISTINCT h.region_id FROM hosts h WHERE h.id = NEW.host_id AND NOT EXISTS (SELECT 1 FROM report_facts_dirty d WHERE d.region_id = h.region_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_facts_coverages_update` AFTER UPDATE OF host_id, org_id, start_on, end_on ON `coverages` WHEN NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0) BEGIN INSERT INTO report_facts_dirty (region_id) SELECT DISTINCT h.region_id FROM hosts h WHERE h.id = OLD.host_id AND NOT EXISTS (SELECT 1 FROM report_facts_dirty d WHERE d.region_id = h.region_id); INSERT INTO report_facts_dirty (region_id) SELECT DISTINCT h.region_id FROM hosts h WHERE h.id = NEW.host_id AND NOT EXISTS (SELECT 1 FROM report_facts_dirty d WHERE d.region_id = h.region_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_facts_coverages_delete` AFTER DELETE ON `coverages` WHEN NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0) BEGIN INSERT INTO report_facts_dirty (region_id) SELECT DISTINCT h.region_id FROM hosts h WHERE h.id = OLD.host_id AND NOT EXISTS (SELECT 1 FROM report_facts_dirty d WHERE d.region_id = h.region_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_facts_assignments_insert` AFTER INSERT ON `assignments` WHEN NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0) BEGIN INSERT INTO report_facts_dirty (region_id) SELECT DISTINCT h.region_id FROM hosts h WHERE h.id = NEW.host_id AND NOT EXISTS (SELECT 1 FROM report_facts_dirty d WHERE d.region_id = h.region_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_facts_assignments_update` AFTER UPDATE OF host_id, instructor_id, start_on, end_on ON `assignments` WHEN NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0) BEGIN INSERT INTO report_facts_dirty (region_id) SELECT DISTINCT h.region_id FROM hosts h WHERE h.id = OLD.host_id AND NOT EXISTS (SELECT 1 FROM report_facts_dirty d WHERE d.region_id = h.region_id); INSERT INTO report_facts_dirty (region_id) SELECT DISTINCT h.region_id FROM hosts h WHERE h.id = NEW.host_id AND NOT EXISTS (SELECT 1 FROM report_facts_dirty d WHERE d.region_id = h.region_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_facts_assignments_delete` AFTER DELETE ON `assignments` WHEN NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0) BEGIN INSERT INTO report_facts_dirty (region_id) SELECT DISTINCT h.region_id FROM hosts h WHERE h.id = OLD.host_id AND NOT EXISTS (SELECT 1 FROM report_facts_dirty d WHERE d.region_id = h.region_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_facts_member_workplaces_insert` AFTER INSERT ON `member_workplaces` WHEN NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0) BEGIN INSERT INTO report_facts_dirty (region_id) SELECT DISTINCT h.region_id FROM hosts h WHERE h.id = NEW.host_id AND NOT EXISTS (SELECT 1 FROM report_facts_dirty d WHERE d.region_id = h.region_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_facts_member_workplaces_update` AFTER UPDATE OF member_id, host_id, start_on, end_on ON `member_workplaces` WHEN NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0) BEGIN INSERT INTO report_facts_dirty (region_id) SELECT DISTINCT h.region_id FROM hosts h WHERE h.id = OLD.host_id AND NOT EXISTS (SELECT 1 FROM report_facts_dirty d WHERE d.region_id = h.region_id); INSERT INTO report_facts_dirty (region_id) SELECT DISTINCT h.region_id FROM hosts h WHERE h.id = NEW.host_id AND NOT EXISTS (SELECT 1 FROM report_facts_dirty d WHERE d.region_id = h.region_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_facts_member_workplaces_delete` AFTER DELETE ON `member_workplaces` WHEN NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0) BEGIN INSERT INTO report_facts_dirty (region_id) SELECT DISTINCT h.region_id FROM hosts h WHERE h.id = OLD.host_id AND NOT EXISTS (SELECT 1 FROM report_facts_dirty d WHERE d.region_id = h.region_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_facts_members_update` AFTER UPDATE OF joined_on, full_on ON `members` WHEN NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0) BEGIN INSERT INTO report_facts_dirty (region_id) SELECT DISTINCT h.region_id FROM member_workplaces w JOIN hosts h ON h.id = w.host_id WHERE w.member_id = NEW.id AND NOT EXISTS (SELECT 1 FROM report_facts_dirty d WHERE d.region_id = h.region_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_facts_members_delete` BEFORE DELETE ON `members` WHEN NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0) BEGIN INSERT INTO report_facts_dirty (region_id) SELECT DISTINCT h.region_id FROM member_workplaces w JOIN hosts h ON h.id = w.host_id WHERE w.member_id = OLD.id AND NOT EXISTS (SELECT 1 FROM report_facts_dirty d WHERE d.region_id = h.region_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_facts_member_status_events_insert` AFTER INSERT ON `member_status_events` WHEN NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0) BEGIN INSERT INTO report_facts_dirty (region_id) SELECT DISTINCT h.region_id FROM member_workplaces w JOIN hosts h ON h.id = w.host_id WHERE w.member_id = NEW.member_id AND NOT EXISTS (SELECT 1 FROM report_facts_dirty d WHERE d.region_id = h.region_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_facts_member_status_events_update` AFTER UPDATE OF member_id, effective_on, status ON `member_status_events` WHEN NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0) BEGIN INSERT INTO report_facts_dirty (region_id) SELECT DISTINCT h.region_id FROM member_workplaces w JOIN hosts h ON h.id = w.host_id WHERE w.member_id = OLD.member_id AND NOT EXISTS (SELECT 1 FROM report_facts_dirty d WHERE d.region_id = h.region_id); INSERT INTO report_facts_dirty (region_id) SELECT DISTINCT h.region_id FROM member_workplaces w JOIN hosts h ON h.id = w.host_id WHERE w.member_id = NEW.member_id AND NOT EXISTS (SELECT 1 FROM report_facts_dirty d WHERE d.region_id = h.region_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_facts_member_status_events_delete` AFTER DELETE ON `member_status_events` WHEN NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0) BEGIN INSERT INTO report_facts_dirty (region_id) SELECT DISTINCT h.region_id FROM member_workplaces w JOIN hosts h ON h.id = w.host_id WHERE w.member_id = OLD.member_id AND NOT EXISTS (SELECT 1 FROM report_facts_dirty d WHERE d.region_id = h.region_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_facts_orgs_update` AFTER UPDATE OF founded_on, revoked_on, formation_mode ON `orgs` WHEN NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0) BEGIN INSERT INTO report_facts_dirty (region_id) SELECT DISTINCT h.region_id FROM coverages c JOIN hosts h ON h.id = c.host_id WHERE c.org_id = NEW.id AND NOT EXISTS (SELECT 1 FROM report_facts_dirty d WHERE d.region_id = h.region_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_facts_orgs_delete` BEFORE DELETE ON `orgs` WHEN NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0) BEGIN INSERT INTO report_facts_dirty (region_id) SELECT DISTINCT h.region_id FROM coverages c JOIN hosts h ON h.id = c.host_id WHERE c.org_id = OLD.id AND NOT EXISTS (SELECT 1 FROM report_facts_dirty d WHERE d.region_id = h.region_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_facts_policies_insert` AFTER INSERT ON `policies` WHEN NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0) BEGIN INSERT INTO report_facts_dirty (region_id) SELECT 0 WHERE 0 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0); END;
--> statement-breakpoint
CREATE TRIGGER `report_facts_policies_update` AFTER UPDATE ON `policies` WHEN NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0) BEGIN INSERT INTO report_facts_dirty (region_id) SELECT 0 WHERE 0 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0); END;
--> statement-breakpoint
CREATE TRIGGER `report_facts_policies_delete` AFTER DELETE ON `policies` WHEN NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0) BEGIN INSERT INTO report_facts_dirty (region_id) SELECT 0 WHERE 0 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_facts_dirty WHERE region_id = 0); END;
