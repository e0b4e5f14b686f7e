/**
 * The one list of the city's tables: the records the demo and scale generators and the import write, the
 * users and the audit log. In foreign-key order (a table comes after the tables it references, which
 * `test/tables.test.ts` checks against the schema), with the SQL name taken from the schema, the name of
 * its rows in the program (`key`: the field of the generated data and of the import's working state) and
 * its Chinese label, once. The lists of the packages are derivations of it:
 * - the import writes the tables marked `imported`, in this order (`IMPORTED_TABLES`);
 * - the demo generator writes the tables marked `generated`, in this order (`GENERATED_TABLES`);
 * - the demo's summary counts every table of the list; progress messages name them by `TABLE_LABELS`.
 */
import { getTableName } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import * as s from "./schema.ts";

function entry<
  const K extends string,
  T extends SQLiteTable,
  const I extends boolean,
  const G extends boolean,
>(key: K, table: T, label: string, o: { imported: I; generated: G }) {
  return { key, table, name: getTableName(table), label, imported: o.imported, generated: o.generated };
}

const both = { imported: true, generated: true } as const;
const generatedOnly = { imported: false, generated: true } as const;
const importedOnly = { imported: true, generated: false } as const;
const neither = { imported: false, generated: false } as const;

export const CITY_TABLES = [
  entry("regions", s.regions, "行政区划", both),
  entry("orgs", s.orgs, "党组织", both),
  entry("reparentings", s.orgReparentings, "隶属变更", both),
  entry("dualLinks", s.dualLinks, "双重管理", both),
  entry("hosts", s.hosts, "两新组织", both),
  entry("hostYears", s.hostYears, "经营数据", both),
  entry("coverages", s.coverages, "覆盖关系", both),
  entry("members", s.members, "党员", both),
  entry("relationships", s.memberRelationships, "组织关系", both),
  entry("workplaces", s.memberWorkplaces, "工作单位", both),
  entry("statusEvents", s.memberStatusEvents, "党员状态变更", both),
  entry("transfers", s.transfers, "组织关系接转", generatedOnly),
  entry("applicants", s.applicants, "发展党员", generatedOnly),
  entry("secretaries", s.secretaries, "书记", both),
  entry("instructors", s.instructors, "党建工作指导员", both),
  entry("assignments", s.assignments, "指导关系", both),
  entry("committeeMembers", s.committeeMembers, "班子成员", importedOnly),
  entry("reserveCadres", s.reserveCadres, "后备干部", importedOnly),
  entry("secretaryAllowances", s.secretaryAllowances, "书记工作津贴", importedOnly),
  entry("venues", s.venues, "活动场所", importedOnly),
  entry("venueChecks", s.venueChecks, "活动场所状况", importedOnly),
  entry("venueLinks", s.venueLinks, "共享活动场所", importedOnly),
  entry("orgRules", s.orgRules, "基本制度", importedOnly),
  entry("orgFunds", s.orgFunds, "党建工作经费", importedOnly),
  entry("policies", s.policies, "政策参数", generatedOnly),
  entry("users", s.users, "用户", neither),
  // The cadre work (issue 23), after the users its rows name (createdBy, appliedBy, reviewedBy: the
  // import leaves them empty).
  entry("trainings", s.trainings, "培训", importedOnly),
  entry("trainingParticipants", s.trainingParticipants, "培训学员", importedOnly),
  entry("instructorAssessments", s.instructorAssessments, "指导员考核", importedOnly),
  entry("secretaryReviews", s.secretaryReviews, "书记述职评议", importedOnly),
  entry("fiveGoodAwards", s.fiveGoodAwards, "五好党支部", importedOnly),
  entry("showcases", s.showcases, "示范点", importedOnly),
  entry("leaders", s.leaders, "领导干部", importedOnly),
  entry("contactPoints", s.contactPoints, "联系点", importedOnly),
  entry("contactVisits", s.contactVisits, "走访记录", importedOnly),
  entry("auditLog", s.auditLog, "审计日志", neither),
] as const;

export type CityTable = (typeof CITY_TABLES)[number];
/** SQL name of a table of the list. */
export type CityTableName = CityTable["name"];

/** The tables an import writes, in the order their changes are written. */
export const IMPORTED_TABLES = CITY_TABLES.filter(
  (t): t is Extract<CityTable, { imported: true }> => t.imported,
);
/** The tables the demo generator fills, in the order they are inserted. */
export const GENERATED_TABLES = CITY_TABLES.filter(
  (t): t is Extract<CityTable, { generated: true }> => t.generated,
);

/** SQL name of each table of the list, by `key`. */
export const TABLE_NAME = Object.fromEntries(CITY_TABLES.map((t) => [t.key, t.name])) as {
  [T in CityTable as T["key"]]: T["name"];
};

/** Chinese label of each table of the list, by SQL name. */
export const TABLE_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  CITY_TABLES.map((t) => [t.name, t.label]),
);
