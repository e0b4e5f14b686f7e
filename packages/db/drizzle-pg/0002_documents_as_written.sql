ALTER TABLE "audit_log" ALTER COLUMN "before" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "after" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "host_corrections" ALTER COLUMN "payload" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "jobs" ALTER COLUMN "errors" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "jobs" ALTER COLUMN "summary" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "policies" ALTER COLUMN "params" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "report_checks" ALTER COLUMN "figures" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "report_checks" ALTER COLUMN "checks" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "report_submissions" ALTER COLUMN "figures" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "report_submissions" ALTER COLUMN "checks" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "report_submissions" ALTER COLUMN "explanations" SET DATA TYPE json;