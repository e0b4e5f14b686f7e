DROP INDEX "member_relationships_member_idx";--> statement-breakpoint
DROP INDEX "member_workplaces_member_idx";--> statement-breakpoint
CREATE INDEX "member_relationships_member_idx" ON "member_relationships" USING btree ("member_id","start_on","end_on","org_id");--> statement-breakpoint
CREATE INDEX "member_workplaces_member_idx" ON "member_workplaces" USING btree ("member_id","start_on","end_on","host_id");