/** The baseline statement of the year-end report (see child/baseline.ts). */
import { sql, type SQL } from "drizzle-orm";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";

/**
 * Per county: hosts operating on `d` (founded ≤ d < closed) and those covered on `d` (start ≤ d < end). On
 * PostgreSQL, which sums no booleans and groups every selected column, the same statement in its words.
 */
export function baselineSql(d: string | SQL, engine: "sqlite" | "postgres" = "sqlite"): SQL {
  const covered = sql`exists (select 1 from coverages c
                   where c.host_id = h.id and c.start_on <= ${d} and (c.end_on is null or c.end_on > ${d}))`;
  const pg = engine === "postgres";
  return sql`
select county_org.code as code, county.name as name,
       count(*) as hosts,
       sum(${pg ? sql`case when ${covered} then 1 else 0 end` : covered}) as covered
from hosts h
join regions township on township.id = h.region_id
join regions county on county.id = township.parent_id and county.level = 'county'
join orgs county_org on county_org.region_id = county.id and county_org.category = 'countyCommittee'
where h.founded_on <= ${d} and (h.closed_on is null or h.closed_on > ${d})
group by county.id${pg ? sql`, county_org.code, county.name` : sql``}
order by county_org.code`;
}

/** The statement as docs/performance.md shows it, the date written `:d`. */
export const BASELINE_SQL = new SQLiteSyncDialect().sqlToQuery(baselineSql(sql.raw(":d"))).sql;
