-- What SQLite gets by serialising every write and PostgreSQL must guarantee itself: dated intervals
-- (half-open [start_on, end_on), an open end for ever) that may not overlap. btree_gist is the only
-- extension the portal uses (trusted: the database's owner may create it).
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
-- One covering organization per host at any date.
ALTER TABLE "coverages" ADD CONSTRAINT "coverages_host_no_overlap"
  EXCLUDE USING gist ("host_id" WITH =, daterange("start_on", "end_on", '[)') WITH &&);
--> statement-breakpoint
-- One secretary per organization at any date.
ALTER TABLE "secretaries" ADD CONSTRAINT "secretaries_org_no_overlap"
  EXCLUDE USING gist ("org_id" WITH =, daterange("start_on", "end_on", '[)') WITH &&);
--> statement-breakpoint
-- One organizational relationship per member at any date.
ALTER TABLE "member_relationships" ADD CONSTRAINT "member_relationships_member_no_overlap"
  EXCLUDE USING gist ("member_id" WITH =, daterange("start_on", "end_on", '[)') WITH &&);
