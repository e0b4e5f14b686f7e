-- The queue of import and export jobs any instance may run: the worker's arguments, and the claim (when, by
-- which instance). Text columns collate "C", as every text column since 0004_text_collate_c.
ALTER TABLE "jobs" ADD COLUMN "worker_args" json;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "claimed_at" text COLLATE "C";--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "claimed_by" text COLLATE "C";
