ALTER TABLE `orgs` ADD `has_party_groups` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- An organization that has held a 党小组会 has party groups: databases written before keep their expectations.
UPDATE `orgs` SET `has_party_groups` = 1 WHERE `id` IN (SELECT `org_id` FROM `meetings` WHERE `kind` = 'groupMeeting');
