ALTER TABLE `report_submissions` ADD `unit_head` text;--> statement-breakpoint
ALTER TABLE `report_submissions` ADD `preparer` text;