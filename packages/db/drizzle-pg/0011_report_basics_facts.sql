-- The five basics kept by the writes (schema.ts). No triggers on PostgreSQL yet: its reports judge live.
-- Text columns collate "C", as every text column since 0004_text_collate_c.
CREATE TABLE "report_basics_dirty" (
	"org_id" integer NOT NULL,
	CONSTRAINT "report_basics_dirty_org_id_pk" PRIMARY KEY("org_id")
);
--> statement-breakpoint
CREATE TABLE "report_basics_facts" (
	"year" integer NOT NULL,
	"org_id" integer NOT NULL,
	"met" integer NOT NULL,
	CONSTRAINT "report_basics_facts_year_org_id_pk" PRIMARY KEY("year","org_id")
);
--> statement-breakpoint
CREATE TABLE "report_basics_years" (
	"year" integer NOT NULL,
	"policy" text COLLATE "C" NOT NULL,
	CONSTRAINT "report_basics_years_year_pk" PRIMARY KEY("year")
);
