/**
 * Drill-down: the records behind one figure of a report row (as of 31 December on that date's tree).
 * Host-side keys list the hosts of the row's territory; orgs.* its grassroots organizations; members.*
 * and membersEmployed the members, masked (they may be counted-only for the caller).
 */
import {
  HOST_KIND_LABELS,
  isGrassroots,
  maskCitizenId,
  ORG_CATEGORY_LABELS,
  partitionNode,
  type HostFacts,
} from "@liangxin/domain";
import type { Db } from "../client.ts";
import { maskName } from "../queries/common.ts";
import type { Scope } from "../scope/index.ts";
import { ReportComputer, resolveNode } from "./build.ts";
import { indicatorLabel, isIndicatorPath, type IndicatorPath } from "./columns.ts";
import { ReportError } from "./errors.ts";
import { reportMessages as m } from "./messages.ts";

export interface DrillHost {
  id: number;
  name: string;
  creditCode: string;
  kind: string;
  employees: number;
  membersWorking: number;
  covered: boolean;
}

export interface DrillOrg {
  id: number;
  code: string;
  name: string;
  category: string;
}

export interface DrillMember {
  /** Masked: 张* */
  name: string;
  /** Masked: first 3 and last 2 characters. */
  idNumber: string;
  full: boolean;
}

export interface DrillResult {
  year: number;
  asOf: string;
  node: { id: number; name: string };
  row: { orgId: number | null; name: string };
  key: IndicatorPath;
  label: string;
  kind: "hosts" | "orgs" | "members";
  hosts: DrillHost[];
  orgs: DrillOrg[];
  members: DrillMember[];
}

type HostPredicate = (f: HostFacts) => boolean;

const HOST_FILTERS: Partial<Record<IndicatorPath, HostPredicate>> = {
  hosts: () => true,
  enterprises: (f) => f.kind === "enterprise",
  socialOrgs: (f) => f.kind === "socialOrg",
  employees: (f) => f.employees > 0,
  aboveScale: (f) => f.aboveScale,
  withMembers: (f) => f.withMembers,
  withThreeMembers: (f) => f.withThreeMembers,
  orgCovered: (f) => f.orgCovered,
  orgCoverageRate: (f) => f.orgCovered,
  prevOrgCoverageRate: (f) => f.orgCovered,
  orgCoverageRateChangePp: (f) => f.orgCovered,
  "coveredByMode.standalone": (f) => f.coveredMode === "standalone",
  "coveredByMode.joint": (f) => f.coveredMode === "joint",
  "coveredByMode.affiliated": (f) => f.coveredMode === "affiliated",
  "coveredByMode.regional": (f) => f.coveredMode === "regional",
  standaloneRate: (f) => f.coveredMode === "standalone",
  aboveScaleCoverageRate: (f) => f.aboveScale && f.orgCovered,
  threeMemberStandaloneRate: (f) => f.withThreeMembers && f.coveredMode === "standalone",
  shouldEstablishNotEstablished: (f) => f.shouldEstablishNotEstablished,
  instructorCovered: (f) => f.instructorCovered,
  instructors: (f) => f.instructorIds.length > 0,
  workCovered: (f) => f.workCovered,
  workCoverageRate: (f) => f.workCovered,
};

/**
 * The records behind `key` in the row of `rowOrgId` (a child management node, or the node itself for the
 * 直属 row; omitted: the 合计).
 */
export function drillReport(
  db: Db,
  scope: Scope,
  input: { nodeId: number; year: number; rowOrgId?: number | null | undefined; key: string },
  computer?: ReportComputer,
): DrillResult {
  if (!isIndicatorPath(input.key)) throw new ReportError("BAD_REQUEST", m.badKey(input.key));
  const key = input.key;
  const node = resolveNode(db, scope, { nodeId: input.nodeId });
  const comp = computer ?? new ReportComputer(db);
  const index = comp.index(input.year);
  const nodeRec = index.tree.org(node.id);
  if (!nodeRec) throw new ReportError("BAD_REQUEST", m.rowNotFound);
  const part = partitionNode(index, nodeRec);
  let rowIdx: number | null = null;
  let rowName = "合计";
  if (input.rowOrgId != null) {
    const i =
      input.rowOrgId === node.id
        ? part.rows.findIndex((r) => r.kind === "direct")
        : part.rows.findIndex((r) => r.kind === "child" && r.org.id === input.rowOrgId);
    if (i < 0) throw new ReportError("NOT_FOUND", m.rowNotFound);
    rowIdx = i;
    rowName = part.rows[i]!.kind === "direct" ? "直属" : part.rows[i]!.org.name;
  }
  const inRow = (row: number | undefined) => row !== undefined && (rowIdx === null || row === rowIdx);
  const result: DrillResult = {
    year: input.year,
    asOf: index.asOf,
    node: { id: node.id, name: node.name },
    row: { orgId: input.rowOrgId ?? null, name: rowName },
    key,
    label: indicatorLabel(key),
    kind: key.startsWith("orgs.") ? "orgs" : key.startsWith("members.") ? "members" : "hosts",
    hosts: [],
    orgs: [],
    members: [],
  };

  if (result.kind === "orgs") {
    const leaf = key.slice(5);
    for (const [orgId, row] of part.rowOfOrg) {
      if (!inRow(row)) continue;
      const o = index.tree.org(orgId);
      if (!o || !isGrassroots(o.category)) continue;
      const ok =
        leaf === "total" ||
        (leaf === "committees" && o.category === "committee") ||
        (leaf === "generalBranches" && o.category === "generalBranch") ||
        (leaf === "branches" && (o.category === "branch" || o.category === "jointBranch")) ||
        (leaf === "jointBranches" && o.category === "jointBranch");
      if (ok)
        result.orgs.push({ id: o.id, code: o.code, name: o.name, category: ORG_CATEGORY_LABELS[o.category] });
    }
    result.orgs.sort((a, b) => a.code.localeCompare(b.code));
    return result;
  }

  const memberIds: { id: number; full: boolean }[] = [];
  if (result.kind === "members") {
    const leaf = key.slice(8);
    for (const mem of comp.snapshotFor(input.year).members) {
      const a = index.memberAsOf(mem.id);
      if (!a || !a.counts || a.relationshipOrgId == null) continue;
      if (!inRow(part.rowOfOrg.get(a.relationshipOrgId))) continue;
      if (leaf === "full" && !a.full) continue;
      if (leaf === "probationary" && a.full) continue;
      memberIds.push({ id: mem.id, full: a.full });
    }
  } else {
    const policy = comp.policyFor(input.year).params;
    const pred = HOST_FILTERS[key] ?? (() => true);
    const hostIds = new Set<number>();
    for (const h of index.operatingHosts) {
      const row = part.rowOfRegion.get(h.regionId);
      if (!inRow(row) || !part.rows[row!]!.hasTerritory) continue;
      const f = index.hostFact(h, policy);
      if (key === "membersEmployed" || key === "membersShareOfEmployees") {
        if (f.membersWorking > 0) hostIds.add(h.id);
        continue;
      }
      if (!pred(f)) continue;
      result.hosts.push({
        id: h.id,
        name: h.name,
        creditCode: h.creditCode,
        kind: HOST_KIND_LABELS[h.kind],
        employees: f.employees,
        membersWorking: f.membersWorking,
        covered: f.orgCovered,
      });
    }
    if (hostIds.size > 0) {
      for (const mem of comp.snapshotFor(input.year).members) {
        const a = index.memberAsOf(mem.id);
        if (a?.counts && a.workplaceHostId !== undefined && hostIds.has(a.workplaceHostId))
          memberIds.push({ id: mem.id, full: a.full });
      }
    }
    result.hosts.sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
  }
  if (memberIds.length > 0) {
    const names = new Map<number, { name: string; idNumber: string }>();
    const stmt = db.$client.prepare("select id, name, id_number as idNumber from members where id = ?");
    for (const { id } of memberIds) {
      const r = stmt.get(id) as { id: number; name: string; idNumber: string } | undefined;
      if (r) names.set(id, r);
    }
    result.members = memberIds.map(({ id, full }) => {
      const r = names.get(id);
      return { name: maskName(r?.name ?? ""), idNumber: maskCitizenId(r?.idNumber ?? ""), full };
    });
  }
  return result;
}
