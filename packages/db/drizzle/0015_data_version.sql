CREATE TABLE `data_version` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
