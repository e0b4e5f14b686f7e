-- Text columns collate "C", as every text column since 0004_text_collate_c.
CREATE TABLE "report_fact_years" (
	"year" integer NOT NULL,
	"policy" text COLLATE "C" NOT NULL,
	CONSTRAINT "report_fact_years_year_pk" PRIMARY KEY("year")
);
--> statement-breakpoint
CREATE TABLE "report_facts_dirty" (
	"region_id" integer NOT NULL,
	CONSTRAINT "report_facts_dirty_region_id_pk" PRIMARY KEY("region_id")
);
--> statement-breakpoint
CREATE TABLE "report_region_facts" (
	"year" integer NOT NULL,
	"region_id" integer NOT NULL,
	"counts" text COLLATE "C" NOT NULL,
	"instructors" text COLLATE "C" NOT NULL,
	CONSTRAINT "report_region_facts_year_region_id_pk" PRIMARY KEY("year","region_id")
);
