/**
 * The records behind a report's counts (issue 18). For each row: the sorted ids of the hosts, grassroots
 * organizations and members it counted, each with what was true of it (flags), and the members working in
 * its hosts. Stored with submitted figures, they let a drill-down of an approved figure list exactly what
 * was counted, and let 校核 compare a 合计 built from frozen rows with the same figures computed live,
 * record by record: a record counted twice, counted but no longer there, not counted, or counted with
 * other facts.
 */
import { isGrassroots } from "./categories.ts";
import type { IndicatorParts } from "./indicator-types.ts";
import { partitionNode, type AsOfIndex, type HostFacts } from "./indicators/index.ts";
import { flowContext, partitionFlows, wholeNode } from "./member-flows.ts";
import type { Policy } from "./policy.ts";
import type { CountedMode, GrassrootsCategory, OrgCategory, Snapshot } from "./types.ts";

/** What was true of a host when it was counted; one bit per host-side count of the dictionary. */
export const HOST_FLAG = {
  enterprise: 1 << 0,
  employees: 1 << 1,
  aboveScale: 1 << 2,
  withMembers: 1 << 3,
  withThreeMembers: 1 << 4,
  orgCovered: 1 << 5,
  standalone: 1 << 6,
  joint: 1 << 7,
  affiliated: 1 << 8,
  regional: 1 << 9,
  shouldEstablishNotEstablished: 1 << 10,
  instructorCovered: 1 << 11,
  instructors: 1 << 12,
  workCovered: 1 << 13,
} as const;

export const ORG_FLAG: Record<GrassrootsCategory, number> = {
  committee: 1,
  generalBranch: 2,
  branch: 4,
  jointBranch: 8,
};

export const MEMBER_FLAG = { full: 1 } as const;

/** Ids ascending, with one flags value per id. */
export interface RecordSet {
  ids: number[];
  flags: number[];
}

export interface RowRecords {
  /** Operating hosts of the row's territory (empty without territory). */
  hosts: RecordSet;
  /** Grassroots organizations of the row (flags: ORG_FLAG of the category). */
  orgs: RecordSet;
  /** Members counted in the row (relationship held there). */
  members: RecordSet;
  /** Members working in the row's hosts, wherever their relationship is held (membersEmployed). */
  employed: RecordSet;
  /**
   * Members with a flow in the row (FLOW_FLAG bits: 年初, 发展, …, 年末). Absent in records stored before
   * flows were kept; not reconciled (the balance checks flows).
   */
  flows?: RecordSet;
  /** On the 直属 row only: the flows of the node as a whole (its 合计, where moves between rows cancel). */
  nodeFlows?: RecordSet;
}

export type RecordKind = "hosts" | "orgs" | "members" | "employed";
export const RECORD_KINDS: readonly RecordKind[] = ["hosts", "orgs", "members", "employed"];

export function hostFlagsOf(f: HostFacts): number {
  let x = 0;
  if (f.kind === "enterprise") x |= HOST_FLAG.enterprise;
  if (f.employees > 0) x |= HOST_FLAG.employees;
  if (f.aboveScale) x |= HOST_FLAG.aboveScale;
  if (f.withMembers) x |= HOST_FLAG.withMembers;
  if (f.withThreeMembers) x |= HOST_FLAG.withThreeMembers;
  if (f.orgCovered) x |= HOST_FLAG.orgCovered;
  if (f.coveredMode !== null) x |= HOST_FLAG[f.coveredMode];
  if (f.shouldEstablishNotEstablished) x |= HOST_FLAG.shouldEstablishNotEstablished;
  if (f.instructorCovered) x |= HOST_FLAG.instructorCovered;
  if (f.instructorIds.length > 0) x |= HOST_FLAG.instructors;
  if (f.workCovered) x |= HOST_FLAG.workCovered;
  return x;
}

export function orgFlagsOf(category: OrgCategory): number {
  return isGrassroots(category) ? ORG_FLAG[category] : 0;
}

export function emptyRowRecords(): RowRecords {
  return {
    hosts: { ids: [], flags: [] },
    orgs: { ids: [], flags: [] },
    members: { ids: [], flags: [] },
    employed: { ids: [], flags: [] },
  };
}

function sortSet(pairs: [number, number][]): RecordSet {
  pairs.sort((a, b) => a[0] - b[0]);
  return { ids: pairs.map((p) => p[0]), flags: pairs.map((p) => p[1]) };
}

/** The key of a report row: a child management node's row, or the node's 直属 row. */
export interface RowKey {
  kind: "child" | "direct";
  orgId: number;
}

/**
 * The records behind each row of a node's report as of the index's date, computed from the records (no
 * frozen figures): rows in the order of `computeReport`.
 */
export function nodeRowRecords(
  index: AsOfIndex,
  nodeId: number,
  policy: Policy,
  /** With the previous year end's index on the same snapshot: the member flows of each row too. */
  flows?: { snapshot: Snapshot; year: number; prevIndex: AsOfIndex },
): { keys: RowKey[]; rows: RowRecords[] } {
  const node = index.tree.org(nodeId);
  if (!node) return { keys: [], rows: [] };
  const part = partitionNode(index, node);
  const hosts = part.rows.map(() => [] as [number, number][]);
  const orgs = part.rows.map(() => [] as [number, number][]);
  const members = part.rows.map(() => [] as [number, number][]);
  const employed = part.rows.map(() => [] as [number, number][]);
  const rowOfHost = new Map<number, number>();
  for (const h of index.operatingHosts) {
    const row = part.rowOfRegion.get(h.regionId);
    if (row === undefined || !part.rows[row]!.hasTerritory) continue;
    rowOfHost.set(h.id, row);
    hosts[row]!.push([h.id, hostFlagsOf(index.hostFact(h, policy))]);
  }
  for (const [id, row] of part.rowOfOrg) {
    const o = index.tree.org(id);
    if (o && isGrassroots(o.category)) orgs[row]!.push([id, orgFlagsOf(o.category)]);
  }
  index.forEachCountedMember((memberId, orgId, full, hostId) => {
    const flags = full ? MEMBER_FLAG.full : 0;
    if (orgId !== null) {
      const row = part.rowOfOrg.get(orgId);
      if (row !== undefined) members[row]!.push([memberId, flags]);
    }
    if (hostId !== null) {
      const row = rowOfHost.get(hostId);
      if (row !== undefined) employed[row]!.push([memberId, flags]);
    }
  });
  const rows: RowRecords[] = part.rows.map((_, i) => ({
    hosts: sortSet(hosts[i]!),
    orgs: sortSet(orgs[i]!),
    members: sortSet(members[i]!),
    employed: sortSet(employed[i]!),
  }));
  if (flows) {
    const ctx = flowContext(flows.snapshot, flows.year, index, flows.prevIndex);
    const prevNode = flows.prevIndex.tree.org(nodeId);
    const prevPart = prevNode
      ? partitionNode(flows.prevIndex, prevNode)
      : { ...part, rows: [], rowOfOrg: new Map() };
    const perRow: RecordSet[] = [];
    partitionFlows(ctx, part, prevPart, perRow);
    perRow.forEach((set, i) => (rows[i]!.flows = set));
    const whole: RecordSet[] = [];
    partitionFlows(ctx, wholeNode(part), prevNode ? wholeNode(prevPart) : prevPart, whole);
    rows[part.rows.findIndex((r) => r.kind === "direct")]!.nodeFlows = whole[0]!;
  }
  return { keys: part.rows.map((r) => ({ kind: r.kind, orgId: r.org.id })), rows };
}

/** The union of rows (a node's 合计 as one set); an id in several rows keeps the first row's flags. */
export function unionRecords(rows: readonly RowRecords[]): RowRecords {
  const out = emptyRowRecords();
  for (const kind of RECORD_KINDS) {
    const seen = new Map<number, number>();
    for (const r of rows) {
      const s = r[kind];
      for (let i = 0; i < s.ids.length; i++) if (!seen.has(s.ids[i]!)) seen.set(s.ids[i]!, s.flags[i]!);
    }
    out[kind] = sortSet([...seen]);
  }
  // A node's rows as one set: its flows are the node's as a whole.
  const node = rows.find((r) => r.nodeFlows)?.nodeFlows;
  if (node) out.flows = node;
  return out;
}

/** The ids of a set whose flags satisfy `pred` (all when omitted). */
export function selectIds(set: RecordSet, pred?: (flags: number) => boolean): number[] {
  if (!pred) return [...set.ids];
  const out: number[] = [];
  for (let i = 0; i < set.ids.length; i++) if (pred(set.flags[i]!)) out.push(set.ids[i]!);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Storage: ids as deltas (small numbers), flags as runs [value, count] — compact JSON, any database.

interface EncodedSet {
  /** First id, then differences to the previous id. */
  d: number[];
  /** Runs of flags: value, count, value, count, … */
  f: number[];
}

function encodeSet(s: RecordSet): EncodedSet {
  const d: number[] = [];
  let prev = 0;
  for (const id of s.ids) {
    d.push(id - prev);
    prev = id;
  }
  const f: number[] = [];
  for (const v of s.flags) {
    const n = f.length;
    if (n > 0 && f[n - 2] === v) f[n - 1]!++;
    else f.push(v, 1);
  }
  return { d, f };
}

function decodeSet(e: EncodedSet | undefined): RecordSet {
  if (!e) return { ids: [], flags: [] };
  const ids: number[] = [];
  let prev = 0;
  for (const x of e.d) ids.push((prev += x));
  const flags: number[] = [];
  for (let i = 0; i < e.f.length; i += 2) for (let k = 0; k < e.f[i + 1]!; k++) flags.push(e.f[i]!);
  return { ids, flags };
}

export function encodeRowRecords(r: RowRecords): string {
  return JSON.stringify({
    hosts: encodeSet(r.hosts),
    orgs: encodeSet(r.orgs),
    members: encodeSet(r.members),
    employed: encodeSet(r.employed),
    ...(r.flows ? { flows: encodeSet(r.flows) } : {}),
    ...(r.nodeFlows ? { nodeFlows: encodeSet(r.nodeFlows) } : {}),
  });
}

export function decodeRowRecords(text: string): RowRecords {
  const e = JSON.parse(text) as Partial<Record<RecordKind | "flows" | "nodeFlows", EncodedSet>>;
  return {
    hosts: decodeSet(e.hosts),
    orgs: decodeSet(e.orgs),
    members: decodeSet(e.members),
    employed: decodeSet(e.employed),
    ...(e.flows ? { flows: decodeSet(e.flows) } : {}),
    ...(e.nodeFlows ? { nodeFlows: decodeSet(e.nodeFlows) } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------
// Reconciliation: the rows as reported against the node computed live.

export type DifferenceProblem = "twice" | "gone" | "missing" | "changed";

export interface RecordDifference {
  kind: RecordKind;
  id: number;
  problem: DifferenceProblem;
  /** The reported rows that counted it (indexes into the rows given). */
  rows: number[];
  reportedFlags: number | null;
  liveFlags: number | null;
}

/**
 * Every record on which the reported rows (frozen where approved) and the live computation of the same
 * node disagree: counted in two rows (twice), counted but no longer in the node (gone), in the node but
 * counted in no row (missing), or counted with other facts (changed). Empty when they agree.
 */
export function reconcileRecords(reported: readonly RowRecords[], live: RowRecords): RecordDifference[] {
  const out: RecordDifference[] = [];
  for (const kind of RECORD_KINDS) {
    const counted = new Map<number, { rows: number[]; flags: number }>();
    reported.forEach((r, row) => {
      const s = r[kind];
      for (let i = 0; i < s.ids.length; i++) {
        const id = s.ids[i]!;
        const c = counted.get(id);
        if (c) c.rows.push(row);
        else counted.set(id, { rows: [row], flags: s.flags[i]! });
      }
    });
    const liveSet = live[kind];
    const liveFlags = new Map<number, number>();
    for (let i = 0; i < liveSet.ids.length; i++) liveFlags.set(liveSet.ids[i]!, liveSet.flags[i]!);
    for (const [id, c] of counted) {
      const lf = liveFlags.get(id);
      const base = { kind, id, rows: c.rows, reportedFlags: c.flags, liveFlags: lf ?? null };
      if (c.rows.length > 1) out.push({ ...base, problem: "twice" });
      else if (lf === undefined) out.push({ ...base, problem: "gone" });
      else if (lf !== c.flags) out.push({ ...base, problem: "changed" });
    }
    for (const [id, lf] of liveFlags) {
      if (!counted.has(id))
        out.push({ kind, id, problem: "missing", rows: [], reportedFlags: null, liveFlags: lf });
    }
  }
  return out;
}

/** The additive figures of two parts that differ, by dictionary path. */
export function diffParts(
  reported: IndicatorParts,
  live: IndicatorParts,
): { key: string; reported: number; live: number }[] {
  const out: { key: string; reported: number; live: number }[] = [];
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (typeof a === "number" && typeof b === "number") {
      if (a !== b) out.push({ key: path, reported: a, live: b });
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length || a.some((x, i) => x !== b[i]))
        out.push({
          key: path === "instructorIds" ? "instructors" : path,
          reported: a.length,
          live: b.length,
        });
      return;
    }
    if (a && b && typeof a === "object" && typeof b === "object") {
      for (const k of Object.keys(a)) {
        // Member flows are no records' count: the balance (MEMBER_BALANCE) checks them.
        if (k === "hasTerritory" || (path === "" && k === "flows")) continue;
        walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
      }
    }
  };
  walk(reported, live, "");
  return out;
}

/** The coverage mode bit of a host's flags, as counted (for messages). */
export function modeOfFlags(flags: number): CountedMode | null {
  if (flags & HOST_FLAG.standalone) return "standalone";
  if (flags & HOST_FLAG.joint) return "joint";
  if (flags & HOST_FLAG.affiliated) return "affiliated";
  if (flags & HOST_FLAG.regional) return "regional";
  return null;
}
