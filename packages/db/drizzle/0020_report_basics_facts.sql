CREATE TABLE `report_basics_dirty` (
	`org_id` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `report_basics_facts` (
	`year` integer NOT NULL,
	`org_id` integer NOT NULL,
	`met` integer NOT NULL,
	PRIMARY KEY(`year`, `org_id`)
);
--> statement-breakpoint
CREATE TABLE `report_basics_years` (
	`year` integer PRIMARY KEY NOT NULL,
	`policy` text NOT NULL
);
--> statement-breakpoint
-- The organizations whose five basics a write changes (basics/kept.ts in core), marked once each with guarded
-- plain inserts (a trigger's INSERT OR IGNORE would take the conflict policy of an upsert that fired it).
-- Organization 0: every organization (a policy changed, or a bulk write).
CREATE TRIGGER `report_basics_member_relationships_insert` AFTER INSERT ON `member_relationships` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT NEW.org_id WHERE NEW.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = NEW.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_member_relationships_update` AFTER UPDATE OF member_id, org_id, start_on, end_on ON `member_relationships` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT OLD.org_id WHERE OLD.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = OLD.org_id); INSERT INTO report_basics_dirty (org_id) SELECT NEW.org_id WHERE NEW.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = NEW.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_member_relationships_delete` AFTER DELETE ON `member_relationships` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT OLD.org_id WHERE OLD.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = OLD.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_secretaries_insert` AFTER INSERT ON `secretaries` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT NEW.org_id WHERE NEW.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = NEW.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_secretaries_update` AFTER UPDATE OF org_id, member_id, start_on, end_on ON `secretaries` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT OLD.org_id WHERE OLD.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = OLD.org_id); INSERT INTO report_basics_dirty (org_id) SELECT NEW.org_id WHERE NEW.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = NEW.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_secretaries_delete` AFTER DELETE ON `secretaries` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT OLD.org_id WHERE OLD.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = OLD.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_committee_members_insert` AFTER INSERT ON `committee_members` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT NEW.org_id WHERE NEW.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = NEW.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_committee_members_update` AFTER UPDATE OF org_id, member_id, start_on, end_on ON `committee_members` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT OLD.org_id WHERE OLD.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = OLD.org_id); INSERT INTO report_basics_dirty (org_id) SELECT NEW.org_id WHERE NEW.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = NEW.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_committee_members_delete` AFTER DELETE ON `committee_members` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT OLD.org_id WHERE OLD.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = OLD.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_venue_links_insert` AFTER INSERT ON `venue_links` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT NEW.org_id WHERE NEW.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = NEW.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_venue_links_update` AFTER UPDATE OF venue_id, org_id, start_on, end_on ON `venue_links` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT OLD.org_id WHERE OLD.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = OLD.org_id); INSERT INTO report_basics_dirty (org_id) SELECT NEW.org_id WHERE NEW.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = NEW.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_venue_links_delete` AFTER DELETE ON `venue_links` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT OLD.org_id WHERE OLD.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = OLD.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_meetings_insert` AFTER INSERT ON `meetings` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT NEW.org_id WHERE NEW.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = NEW.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_meetings_update` AFTER UPDATE OF org_id, kind, held_on ON `meetings` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT OLD.org_id WHERE OLD.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = OLD.org_id); INSERT INTO report_basics_dirty (org_id) SELECT NEW.org_id WHERE NEW.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = NEW.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_meetings_delete` AFTER DELETE ON `meetings` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT OLD.org_id WHERE OLD.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = OLD.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_org_rules_insert` AFTER INSERT ON `org_rules` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT NEW.org_id WHERE NEW.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = NEW.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_org_rules_update` AFTER UPDATE OF org_id, rule, adopted_on, dropped_on ON `org_rules` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT OLD.org_id WHERE OLD.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = OLD.org_id); INSERT INTO report_basics_dirty (org_id) SELECT NEW.org_id WHERE NEW.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = NEW.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_org_rules_delete` AFTER DELETE ON `org_rules` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT OLD.org_id WHERE OLD.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = OLD.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_org_funds_insert` AFTER INSERT ON `org_funds` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT NEW.org_id WHERE NEW.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = NEW.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_org_funds_update` AFTER UPDATE OF org_id, year, source, amount_fen ON `org_funds` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT OLD.org_id WHERE OLD.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = OLD.org_id); INSERT INTO report_basics_dirty (org_id) SELECT NEW.org_id WHERE NEW.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = NEW.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_org_funds_delete` AFTER DELETE ON `org_funds` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT OLD.org_id WHERE OLD.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = OLD.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_coverages_insert` AFTER INSERT ON `coverages` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT NEW.org_id WHERE NEW.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = NEW.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_coverages_update` AFTER UPDATE OF host_id, org_id, start_on, end_on ON `coverages` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT OLD.org_id WHERE OLD.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = OLD.org_id); INSERT INTO report_basics_dirty (org_id) SELECT NEW.org_id WHERE NEW.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = NEW.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_coverages_delete` AFTER DELETE ON `coverages` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT OLD.org_id WHERE OLD.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = OLD.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_venues_insert` AFTER INSERT ON `venues` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT NEW.org_id WHERE NEW.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = NEW.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_venues_update` AFTER UPDATE OF org_id ON `venues` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT OLD.org_id WHERE OLD.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = OLD.org_id); INSERT INTO report_basics_dirty (org_id) SELECT DISTINCT x.org_id FROM (SELECT v.org_id FROM venues v WHERE v.id = NEW.id UNION SELECT l.org_id FROM venue_links l WHERE l.venue_id = NEW.id) x WHERE x.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty d WHERE d.org_id = x.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_venues_delete` BEFORE DELETE ON `venues` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT DISTINCT x.org_id FROM (SELECT v.org_id FROM venues v WHERE v.id = OLD.id UNION SELECT l.org_id FROM venue_links l WHERE l.venue_id = OLD.id) x WHERE x.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty d WHERE d.org_id = x.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_venue_checks_insert` AFTER INSERT ON `venue_checks` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT DISTINCT x.org_id FROM (SELECT v.org_id FROM venues v WHERE v.id = NEW.venue_id UNION SELECT l.org_id FROM venue_links l WHERE l.venue_id = NEW.venue_id) x WHERE x.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty d WHERE d.org_id = x.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_venue_checks_update` AFTER UPDATE OF venue_id, checked_on, status ON `venue_checks` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT DISTINCT x.org_id FROM (SELECT v.org_id FROM venues v WHERE v.id = OLD.venue_id UNION SELECT l.org_id FROM venue_links l WHERE l.venue_id = OLD.venue_id) x WHERE x.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty d WHERE d.org_id = x.org_id); INSERT INTO report_basics_dirty (org_id) SELECT DISTINCT x.org_id FROM (SELECT v.org_id FROM venues v WHERE v.id = NEW.venue_id UNION SELECT l.org_id FROM venue_links l WHERE l.venue_id = NEW.venue_id) x WHERE x.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty d WHERE d.org_id = x.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_venue_checks_delete` AFTER DELETE ON `venue_checks` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT DISTINCT x.org_id FROM (SELECT v.org_id FROM venues v WHERE v.id = OLD.venue_id UNION SELECT l.org_id FROM venue_links l WHERE l.venue_id = OLD.venue_id) x WHERE x.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty d WHERE d.org_id = x.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_members_update` AFTER UPDATE OF joined_on ON `members` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT DISTINCT r.org_id FROM member_relationships r WHERE r.member_id = NEW.id AND r.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty d WHERE d.org_id = r.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_members_delete` BEFORE DELETE ON `members` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT DISTINCT r.org_id FROM member_relationships r WHERE r.member_id = OLD.id AND r.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty d WHERE d.org_id = r.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_host_years_insert` AFTER INSERT ON `host_years` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT DISTINCT c.org_id FROM coverages c WHERE c.host_id = NEW.host_id AND c.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty d WHERE d.org_id = c.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_host_years_update` AFTER UPDATE OF host_id, year, payroll_fen ON `host_years` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT DISTINCT c.org_id FROM coverages c WHERE c.host_id = OLD.host_id AND c.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty d WHERE d.org_id = c.org_id); INSERT INTO report_basics_dirty (org_id) SELECT DISTINCT c.org_id FROM coverages c WHERE c.host_id = NEW.host_id AND c.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty d WHERE d.org_id = c.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_host_years_delete` AFTER DELETE ON `host_years` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT DISTINCT c.org_id FROM coverages c WHERE c.host_id = OLD.host_id AND c.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty d WHERE d.org_id = c.org_id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_orgs_insert` AFTER INSERT ON `orgs` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT NEW.id WHERE NEW.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_orgs_update` AFTER UPDATE OF category, founded_on, revoked_on, has_party_groups ON `orgs` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT NEW.id WHERE NEW.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_orgs_delete` AFTER DELETE ON `orgs` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT OLD.id WHERE OLD.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = OLD.id); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_policies_insert` AFTER INSERT ON `policies` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT 0 WHERE 0 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_policies_update` AFTER UPDATE ON `policies` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT 0 WHERE 0 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0); END;
--> statement-breakpoint
CREATE TRIGGER `report_basics_policies_delete` AFTER DELETE ON `policies` WHEN NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0) BEGIN INSERT INTO report_basics_dirty (org_id) SELECT 0 WHERE 0 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_basics_dirty WHERE org_id = 0); END;
--> statement-breakpoint
-- Judged for the whole city at the next write transaction (or migrate).
INSERT INTO `report_basics_dirty` (`org_id`) VALUES (0);
