-- Text columns collate "C", as every text column since 0004_text_collate_c.
CREATE TABLE "report_member_facts" (
	"year" integer NOT NULL,
	"owner_org_id" integer NOT NULL,
	"start_org_id" integer NOT NULL,
	"end_org_id" integer NOT NULL,
	"exit_status" text COLLATE "C",
	"joined_in_year" integer NOT NULL,
	"members" integer NOT NULL,
	"full_members" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_member_facts_dirty" (
	"org_id" integer NOT NULL,
	CONSTRAINT "report_member_facts_dirty_org_id_pk" PRIMARY KEY("org_id")
);
--> statement-breakpoint
CREATE INDEX "report_member_facts_owner_idx" ON "report_member_facts" USING btree ("year","owner_org_id");