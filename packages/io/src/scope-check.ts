/**
 * An administrator below the city imports only within the scope: organizations of the subtree, hosts of
 * the territory, members held or working there, instructors registered there, and the dated relations
 * of those. Regions are the city's. Every change outside is an error naming its row.
 */
import type { Db, Scope } from "@liangxin/db";
import { ioMessages as m } from "./messages.ts";
import type { ImportPlan } from "./plan.ts";
import type { ImportError } from "./tables.ts";
import type { Change } from "./work.ts";

const WHAT: Record<string, string> = {
  regions: "区划",
  orgs: "党组织",
  org_reparentings: "隶属变更",
  dual_links: "双重管理",
  hosts: "两新组织",
  host_years: "经营数据",
  coverages: "覆盖关系",
  members: "党员",
  member_relationships: "组织关系",
  member_workplaces: "工作经历",
  member_status_events: "党员状态",
  secretaries: "书记",
  instructors: "党建指导员",
  assignments: "指导关系",
};

export function scopeErrors(db: Db, plan: ImportPlan, scope: Pick<Scope, "org" | "region">): ImportError[] {
  const org = scope.org;
  if (!org) return [{ sheet: "", row: null, column: "", value: "", reason: m.outOfScope("") }];
  const top = db.$client.prepare("select parent_id as p from orgs where id = ?").get(org.id) as
    { p: number | null } | undefined;
  if (top && top.p === null) return [];
  const created = new Map<string, Map<number, Change["after"]>>();
  for (const c of plan.changes) {
    if (c.op !== "create") continue;
    const map = created.get(c.table) ?? new Map();
    map.set(c.id, c.after);
    created.set(c.table, map);
  }
  const field = (table: string, id: number, column: string, dbColumn: string): unknown => {
    const a = created.get(table)?.get(id);
    if (a) return a[column];
    return db.$client.prepare(`select ${dbColumn} as v from ${table} where id = ?`).pluck().get(id);
  };
  const regionPath = (id: unknown) =>
    typeof id === "number" ? (field("regions", id, "path", "path") as string) : "";
  const orgIn = (id: unknown) =>
    typeof id === "number" && String(field("orgs", id, "path", "path") ?? "").startsWith(org.path);
  const hostIn = (id: unknown) =>
    typeof id === "number" &&
    scope.region !== null &&
    regionPath(field("hosts", id, "regionId", "region_id")).startsWith(scope.region.path);
  const memberIn = (id: unknown) =>
    typeof id === "number" &&
    (orgIn(field("members", id, "orgId", "org_id")) ||
      hostIn(field("members", id, "workHostId", "work_host_id")));
  const get = (c: Change, k: string, dbCol: string) =>
    c.after[k] !== undefined
      ? c.after[k]
      : c.table === "host_years"
        ? c.key?.[k]
        : field(c.table, c.id, k, dbCol);
  const allowed = (c: Change): boolean => {
    switch (c.table) {
      case "regions":
        return false;
      case "orgs":
        return (
          orgIn(c.id) &&
          (c.op === "create" || String(field("orgs", c.id, "path", "path")).startsWith(org.path))
        );
      case "org_reparentings":
      case "dual_links":
      case "secretaries":
        return orgIn(get(c, "orgId", "org_id"));
      case "hosts":
        return (
          hostIn(c.id) &&
          (c.after.regionId === undefined ||
            regionPath(c.after.regionId).startsWith(scope.region?.path ?? "\u0000"))
        );
      case "host_years":
      case "assignments":
        return hostIn(get(c, "hostId", "host_id"));
      case "coverages":
        return hostIn(get(c, "hostId", "host_id")) || orgIn(get(c, "orgId", "org_id"));
      case "members":
        return memberIn(c.id);
      case "member_relationships":
      case "member_workplaces":
      case "member_status_events":
        return memberIn(get(c, "memberId", "member_id"));
      case "instructors":
        return orgIn(get(c, "registeredById", "registered_by_id"));
      default:
        return false;
    }
  };
  const out: ImportError[] = [];
  for (const c of plan.changes)
    if (!allowed(c))
      out.push({
        sheet: c.loc?.sheet ?? "",
        row: c.loc?.row ?? null,
        column: "",
        value: "",
        reason: m.outOfScope(WHAT[c.table] ?? c.table),
      });
  return out;
}
