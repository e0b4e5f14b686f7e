/**
 * Imports obey the period lock (issue 18): a planned change dated on or before 31 December of an approved
 * year, touching the unit's approved figures (its frozen records, its subtree, its territory), is an error
 * on the import row behind it, with the lock's message: the whole import is refused, naming every such row.
 *
 * Which fields decide the figures, and from when, per table: a created row counts from its earliest date;
 * an updated row from the earlier of the old and new value of a changed date, or from its start when a
 * field without a date (category, territory, organization…) changed. A host's year figures count at the
 * year's end. Names, codes, telephone numbers and the like change no figure and are never locked.
 */
import { lockMessages, periodLockChecker, type DatedChange } from "@liangxin/core/reports";
import { type Db } from "@liangxin/db/driver";
import { yearOf } from "@liangxin/domain";
import type { WriteTable } from "./plan/write-order.ts";
import type { ImportError } from "./tables.ts";
import type { Change, RowData, Value } from "./work.ts";

interface TableRule {
  /** Date fields whose values decide when the record counts (the first is the record's start). */
  dates: readonly string[];
  /** Other fields that change a figure. */
  figures: readonly string[];
}

/** Per table the import writes (`WRITE_ORDER`); `host_years` counts at the year's end; a table without a rule never locks. */
const RULES: Record<string, TableRule> = {
  orgs: {
    dates: ["foundedOn", "revokedOn"],
    figures: ["category", "formationMode", "parentId", "regionId"],
  },
  org_reparentings: { dates: ["effectiveOn"], figures: ["orgId", "fromParentId", "toParentId"] },
  dual_links: { dates: ["startOn", "endOn"], figures: ["orgId", "regionalOrgId"] },
  hosts: {
    dates: ["foundedOn", "closedOn", "unionOn", "youthLeagueOn", "womenOn"],
    figures: ["kind", "regionId"],
  },
  coverages: { dates: ["startOn", "endOn"], figures: ["hostId", "orgId"] },
  members: {
    dates: ["joinedOn", "fullOn", "workSince", "statusOn"],
    figures: ["orgId", "workHostId", "status"],
  },
  member_relationships: { dates: ["startOn", "endOn"], figures: ["memberId", "orgId", "outsideOrgName"] },
  member_workplaces: { dates: ["startOn", "endOn"], figures: ["memberId", "hostId"] },
  member_status_events: { dates: ["effectiveOn"], figures: ["memberId", "status"] },
  assignments: { dates: ["startOn", "endOn"], figures: ["instructorId", "hostId"] },
} satisfies Partial<Record<WriteTable, TableRule>>;

const isDate = (v: Value | undefined): v is string => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);
const num = (v: Value | undefined): number | null => (typeof v === "number" ? v : null);

/** The day from which a change counts, or null when it changes no figure. */
function countsFrom(change: Change, row: RowData, rule: TableRule | "yearEnd"): string | null {
  if (rule === "yearEnd") return `${String(row.year ?? change.key?.year)}-12-31`;
  const days: string[] = [];
  if (change.op === "create") {
    for (const f of rule.dates) if (isDate(row[f])) days.push(row[f] as string);
  } else {
    const changed = Object.keys(change.after);
    for (const f of rule.dates)
      if (changed.includes(f))
        for (const v of [change.before?.[f], change.after[f]]) if (isDate(v)) days.push(v);
    const start = row[rule.dates[0]!];
    if (rule.figures.some((f) => changed.includes(f)) && isDate(start)) days.push(start);
  }
  return days.length === 0 ? null : days.sort()[0]!;
}

type RowOf = (table: string, id: number) => RowData | undefined;

/**
 * The records a change touches: the row's references now, and before for an update. A record this import
 * creates is not stored yet, so where it hangs in the plan (a host's township, an organization's superior,
 * a member's organization) is touched as well.
 */
function touched(table: string, change: Change, row: RowData, rowOf: RowOf): Omit<DatedChange, "on"> {
  const versions = [row, ...(change.before ? [change.before] : [])];
  const pick = (...fields: string[]) => versions.flatMap((v) => fields.map((f) => num(v[f])));
  const orgIds = [
    ...pick("orgId", "parentId", "fromParentId", "toParentId", "regionalOrgId"),
    table === "orgs" ? change.id : null,
  ];
  const hostIds = [...pick("hostId", "workHostId"), table === "hosts" ? change.id : null];
  const memberIds = [...pick("memberId"), table === "members" ? change.id : null];
  const planned = (t: string, id: number | null, field: string) =>
    id === null ? null : num(rowOf(t, id)?.[field]);
  orgIds.push(...memberIds.map((id) => planned("members", id, "orgId")));
  orgIds.push(...orgIds.map((id) => planned("orgs", id, "parentId")));
  return {
    orgIds,
    hostIds,
    memberIds,
    regionIds: [...pick("regionId"), ...hostIds.map((id) => planned("hosts", id, "regionId"))],
  };
}

/**
 * One error per import row whose change falls in a locked period. `rowOf` gives the full planned row of a
 * table's id (an update's change holds only the changed fields).
 */
export async function lockErrors(db: Db, changes: readonly Change[], rowOf: RowOf): Promise<ImportError[]> {
  const check = await periodLockChecker(db);
  // No approved year (a first import into an empty database): nothing is locked. Asking for every change
  // took about 18 µs each, 2.8 s of a 10,000-host city's import.
  if (check.lastYear === -Infinity) return [];
  const errors: ImportError[] = [];
  const seen = new Set<string>();
  for (const change of changes) {
    const rule = change.table === "host_years" ? "yearEnd" : RULES[change.table];
    if (!rule) continue;
    const row = rowOf(change.table, change.id) ?? change.after;
    const on = countsFrom(change, row, rule);
    // A change counting from after the last approved year is never locked: not asked (gathering the
    // records a change touches costs microseconds, times a city's million rows).
    if (on === null || yearOf(on) > check.lastYear) continue;
    const lock = await check({ on, ...touched(change.table, change, row, rowOf) });
    if (!lock) continue;
    const where = `${change.loc?.sheet ?? ""}|${change.loc?.row ?? ""}`;
    if (seen.has(where)) continue;
    seen.add(where);
    errors.push({
      sheet: change.loc?.sheet ?? "",
      row: change.loc?.row ?? null,
      column: "",
      value: on,
      reason: lockMessages.locked(lock, on),
    });
  }
  return errors;
}
