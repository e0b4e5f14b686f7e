-- Money as whole 分 (issue 21): 营业收入 and 联建共建 funds were REAL 万元, now INTEGER 分 (1 万元 =
-- 1,000,000 分), exact and the same on every dialect. Each value is converted on the way (a value in 万元
-- with at most six decimals is kept exactly; a finer one, which only an old import could hold, is rounded
-- to the nearest 分). The owners' corrections carry the proposed revenue in their JSON: it is converted
-- the same way, from `revenue` (万元) to `revenueFen` (分). The audit log keeps its entries as written
-- (an old entry's `revenue` is in 万元 and is shown as such).
ALTER TABLE `host_years` ADD `revenue_fen` integer;--> statement-breakpoint
UPDATE `host_years` SET `revenue_fen` = CAST(round(`revenue` * 1000000) AS integer) WHERE `revenue` IS NOT NULL;--> statement-breakpoint
ALTER TABLE `host_years` DROP COLUMN `revenue`;--> statement-breakpoint
ALTER TABLE `pacts` ADD `funds_fen` integer;--> statement-breakpoint
UPDATE `pacts` SET `funds_fen` = CAST(round(`funds` * 1000000) AS integer) WHERE `funds` IS NOT NULL;--> statement-breakpoint
ALTER TABLE `pacts` DROP COLUMN `funds`;--> statement-breakpoint
UPDATE `host_corrections` SET `payload` = json_set(
  json_remove(`payload`, '$.revenue'),
  '$.revenueFen',
  CAST(round(json_extract(`payload`, '$.revenue') * 1000000) AS integer)
) WHERE json_valid(`payload`) AND json_type(`payload`, '$.revenue') IS NOT NULL;
