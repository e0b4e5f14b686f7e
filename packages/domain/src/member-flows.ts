/**
 * Member flows (党员变动) per row of a report (issue 18): 年初, 发展, 转入, 隶属变更转入, 转出, 隶属变更转出, 出党,
 * 死亡, 停止党籍, 年末, with the balance 年末 = 年初 + 发展 + 转入 + 隶属变更转入 − 转出 − 隶属变更转出 − 出党 −
 * 死亡 − 停止党籍.
 *
 * A member is in a row at a year end when counted there (the row's organizations on that date's tree).
 * 年初 is the row on the previous 31 December, 年末 on this one. A member in a row at the end but not at the
 * start came by 隶属变更 when the organization holding them is the same on both dates (the organization
 * moved, not the member), else by 发展 when not counted anywhere at the start and joined in the year
 * (a member imported without dated events counts so too), else by 转入. A member in a row at the start but
 * not at the end left by 隶属变更 (same organization on both dates), else by 出党 / 死亡 / 停止党籍 when not
 * counted anywhere at the end and a status event of the year says so, else by 转出. Computed live, the
 * balance holds by construction; it breaks when 年初 is last year's approved closing figure and the records
 * behind last year have changed since.
 */
import { yearEnd, yearStart } from "./dates.ts";
import type { AsOfIndex, NodePartition } from "./indicators/index.ts";
import type { RecordSet } from "./report-records.ts";
import type { MemberStatus, Snapshot } from "./types.ts";

export interface MemberFlows {
  opening: number;
  developed: number;
  transferredIn: number;
  reparentedIn: number;
  transferredOut: number;
  reparentedOut: number;
  expelled: number;
  deceased: number;
  stopped: number;
  closing: number;
}

export const MEMBER_FLOW_KEYS = [
  "opening",
  "developed",
  "transferredIn",
  "reparentedIn",
  "transferredOut",
  "reparentedOut",
  "expelled",
  "deceased",
  "stopped",
  "closing",
] as const satisfies readonly (keyof MemberFlows)[];

export const MEMBER_FLOW_LABELS: Readonly<Record<keyof MemberFlows, string>> = {
  opening: "年初",
  developed: "发展",
  transferredIn: "转入",
  reparentedIn: "隶属变更转入",
  transferredOut: "转出",
  reparentedOut: "隶属变更转出",
  expelled: "出党",
  deceased: "死亡",
  stopped: "停止党籍",
  closing: "年末",
};

/** A member's flows in a row, one bit per column: what the drill-down of a flow figure lists. */
export const FLOW_FLAG: Readonly<Record<keyof MemberFlows, number>> = {
  opening: 1 << 0,
  developed: 1 << 1,
  transferredIn: 1 << 2,
  reparentedIn: 1 << 3,
  transferredOut: 1 << 4,
  reparentedOut: 1 << 5,
  expelled: 1 << 6,
  deceased: 1 << 7,
  stopped: 1 << 8,
  closing: 1 << 9,
};

export function emptyFlows(): MemberFlows {
  return {
    opening: 0,
    developed: 0,
    transferredIn: 0,
    reparentedIn: 0,
    transferredOut: 0,
    reparentedOut: 0,
    expelled: 0,
    deceased: 0,
    stopped: 0,
    closing: 0,
  };
}

/** Adds `from` into `into` (figures frozen before flows were kept have none: nothing is added). */
export function addFlows(into: MemberFlows, from: MemberFlows | undefined): void {
  if (!from) return;
  for (const k of MEMBER_FLOW_KEYS) into[k] += from[k] ?? 0;
}

/** 年初 + 发展 + 转入 + 隶属变更转入 − 转出 − 隶属变更转出 − 出党 − 死亡 − 停止党籍: what 年末 should be. */
export function expectedClosing(f: MemberFlows): number {
  return (
    f.opening +
    f.developed +
    f.transferredIn +
    f.reparentedIn -
    f.transferredOut -
    f.reparentedOut -
    f.expelled -
    f.deceased -
    f.stopped
  );
}

const EXIT_KIND: Partial<Record<MemberStatus, "expelled" | "deceased" | "stopped">> = {
  expelled: "expelled",
  deceased: "deceased",
  stopped: "stopped",
};

/** Where every member counted at either year end is, and the year's exits and joins (one pass each). */
export interface FlowContext {
  orgAtStart: ReadonlyMap<number, number | null>;
  orgAtEnd: ReadonlyMap<number, number | null>;
  exitOf: ReadonlyMap<number, MemberStatus>;
  joinedInYear: ReadonlySet<number>;
}

export function flowContext(
  snapshot: Snapshot,
  year: number,
  index: AsOfIndex,
  prevIndex: AsOfIndex,
): FlowContext {
  const orgAtEnd = new Map<number, number | null>();
  index.forEachCountedMember((id, orgId) => orgAtEnd.set(id, orgId));
  const orgAtStart = new Map<number, number | null>();
  prevIndex.forEachCountedMember((id, orgId) => orgAtStart.set(id, orgId));
  const from = yearStart(year);
  const to = yearEnd(year);
  // The last status event of the year per member.
  const last = new Map<number, { on: string; status: MemberStatus }>();
  for (const e of snapshot.statusEvents) {
    if (e.effectiveOn < from || e.effectiveOn > to) continue;
    const cur = last.get(e.memberId);
    if (!cur || e.effectiveOn >= cur.on) last.set(e.memberId, { on: e.effectiveOn, status: e.status });
  }
  const exitOf = new Map([...last].map(([id, e]) => [id, e.status]));
  const joinedInYear = new Set<number>();
  for (const m of snapshot.members) if (m.joinedOn >= from && m.joinedOn <= to) joinedInYear.add(m.id);
  return { orgAtStart, orgAtEnd, exitOf, joinedInYear };
}

/**
 * The flows of each row of `part` (this year end) against `prevPart` (the previous year end, same node):
 * rows are matched by kind and organization; a previous row that no longer exists opens no current row.
 */
export function partitionFlows(
  ctx: FlowContext,
  part: NodePartition,
  prevPart: NodePartition,
  /** When given, filled with each row's members and their FLOW_FLAG bits (ascending ids). */
  records?: RecordSet[],
): MemberFlows[] {
  const { orgAtStart, orgAtEnd, exitOf, joinedInYear } = ctx;
  const flows = part.rows.map(() => emptyFlows());
  const marks = records ? part.rows.map(() => new Map<number, number>()) : null;
  const count = (row: number, id: number, key: keyof MemberFlows) => {
    flows[row]![key]++;
    if (marks) marks[row]!.set(id, (marks[row]!.get(id) ?? 0) | FLOW_FLAG[key]);
  };
  const keyOf = (r: NodePartition["rows"][number]) => `${r.kind}:${r.org.id}`;
  const current = new Map(part.rows.map((r, i) => [keyOf(r), i]));
  const prevToCurrent = prevPart.rows.map((r) => current.get(keyOf(r)));
  const rowAtEnd = (id: number): number | undefined => {
    const org = orgAtEnd.get(id);
    return org == null ? undefined : part.rowOfOrg.get(org);
  };
  const rowAtStart = (id: number): number | undefined => {
    const org = orgAtStart.get(id);
    const prevRow = org == null ? undefined : prevPart.rowOfOrg.get(org);
    return prevRow === undefined ? undefined : prevToCurrent[prevRow];
  };

  const seen = new Set<number>();
  const visit = (id: number) => {
    if (seen.has(id)) return;
    seen.add(id);
    const start = rowAtStart(id);
    const end = rowAtEnd(id);
    if (start !== undefined) count(start, id, "opening");
    if (end !== undefined) count(end, id, "closing");
    if (start === end) return;
    const startOrg = orgAtStart.get(id);
    const sameOrg = startOrg != null && startOrg === orgAtEnd.get(id);
    if (start !== undefined) {
      const exit = orgAtEnd.has(id) ? undefined : EXIT_KIND[exitOf.get(id) ?? "normal"];
      count(start, id, sameOrg ? "reparentedOut" : (exit ?? "transferredOut"));
    }
    if (end !== undefined) {
      const joined = !orgAtStart.has(id) && joinedInYear.has(id);
      count(end, id, sameOrg ? "reparentedIn" : joined ? "developed" : "transferredIn");
    }
  };
  for (const id of orgAtStart.keys()) visit(id);
  for (const id of orgAtEnd.keys()) visit(id);
  marks?.forEach((m, i) => {
    const ids = [...m.keys()].sort((a, b) => a - b);
    records![i] = { ids, flags: ids.map((id) => m.get(id)!) };
  });
  return flows;
}

/** The node as one row (its 合计): every organization of every row in it, so moves between rows cancel. */
export function wholeNode(part: NodePartition): NodePartition {
  const direct = part.rows.find((r) => r.kind === "direct")!;
  return {
    node: part.node,
    rows: [direct],
    rowOfRegion: new Map([...part.rowOfRegion.keys()].map((id) => [id, 0])),
    rowOfOrg: new Map([...part.rowOfOrg.keys()].map((id) => [id, 0])),
  };
}
