DROP INDEX "member_relationships_org_idx";--> statement-breakpoint
DROP INDEX "org_rules_org_idx";--> statement-breakpoint
CREATE INDEX "member_relationships_org_idx" ON "member_relationships" USING btree ("org_id","start_on","end_on","member_id");--> statement-breakpoint
CREATE INDEX "org_rules_org_idx" ON "org_rules" USING btree ("org_id","adopted_on","dropped_on","rule");