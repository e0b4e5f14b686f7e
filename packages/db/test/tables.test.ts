import { getTableName } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { CITY_TABLES, GENERATED_TABLES, IMPORTED_TABLES, TABLE_LABELS } from "../src/tables.ts";

describe("the one list of the city's tables", () => {
  it("is in foreign-key order: a table references only itself and tables before it", () => {
    const before = new Set<string>();
    for (const t of CITY_TABLES) {
      const refs = getTableConfig(t.table).foreignKeys.map((fk) => getTableName(fk.reference().foreignTable));
      for (const r of refs) if (r !== t.name) expect(before, `${t.name} → ${r}`).toContain(r);
      before.add(t.name);
    }
  });

  it("names each table once, with a label", () => {
    expect(new Set(CITY_TABLES.map((t) => t.name)).size).toBe(CITY_TABLES.length);
    expect(new Set(CITY_TABLES.map((t) => t.key)).size).toBe(CITY_TABLES.length);
    for (const t of CITY_TABLES) expect(TABLE_LABELS[t.name]).toBe(t.label);
  });

  it("derives the import's and the generator's tables", () => {
    expect(IMPORTED_TABLES.map((t) => t.name)).toEqual([
      "regions",
      "orgs",
      "org_reparentings",
      "dual_links",
      "hosts",
      "host_years",
      "coverages",
      "members",
      "member_relationships",
      "member_workplaces",
      "member_status_events",
      "secretaries",
      "instructors",
      "assignments",
      "committee_members",
      "reserve_cadres",
      "secretary_allowances",
      "venues",
      "venue_checks",
      "venue_links",
      "org_rules",
      "org_funds",
      "trainings",
      "training_participants",
      "instructor_assessments",
      "secretary_reviews",
      "five_good_awards",
      "showcases",
      "leaders",
      "contact_points",
      "contact_visits",
    ]);
    expect(GENERATED_TABLES.map((t) => t.key)).toEqual([
      "regions",
      "orgs",
      "reparentings",
      "dualLinks",
      "hosts",
      "hostYears",
      "coverages",
      "members",
      "relationships",
      "workplaces",
      "statusEvents",
      "transfers",
      "applicants",
      "secretaries",
      "instructors",
      "assignments",
      "policies",
    ]);
  });
});
