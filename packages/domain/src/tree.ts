/**
 * The two trees. The organization tree (隶属关系) is rebuilt as of a date D from today's superiors and the
 * re-parenting history; the region tree (属地) is static. Both are laid out once in pre-order, so a subtree
 * is a contiguous slice and "is X under Y" is O(1). Building is O(n log n) (children sorted by code) and
 * handles tens of thousands of nodes in milliseconds.
 */
import { isGrassroots } from "./categories.ts";
import { inForce } from "./dates.ts";
import type { IsoDate, OrgRec, RegionRec, ReparentingRec } from "./types.ts";

interface ForestNode {
  id: number;
  code: string;
}

const EMPTY: readonly number[] = Object.freeze([]);

/** Code order, then id: the order of siblings (and of roots). */
function byCode(a: ForestNode, b: ForestNode): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : a.id - b.id;
}

/**
 * A forest laid out in pre-order: subtree(id) = order[start(id) .. start(id) + size(id)). The nodes are
 * sorted by code once, so that each node's children come out in code order as they are gathered (no sort
 * per family); positions and sizes are kept per pre-order position in typed arrays (tens of thousands of
 * organizations, twice per report: issue 25).
 */
class Forest {
  private readonly parent = new Map<number, number | null>();
  private readonly children = new Map<number, number[]>();
  /** Pre-order position of each id placed. */
  private readonly start = new Map<number, number>();
  /** Subtree size per pre-order position. */
  private readonly sizes: Int32Array;
  private readonly order: number[] = [];
  readonly roots: number[] = [];

  constructor(nodes: readonly ForestNode[], parentOf: (id: number) => number | null) {
    this.sizes = new Int32Array(nodes.length);
    const ids = new Set<number>();
    for (const n of nodes) ids.add(n.id);
    const sorted = nodes.slice().sort(byCode);
    for (const n of sorted) {
      let p = parentOf(n.id);
      if (p !== null && (p === n.id || !ids.has(p))) p = null;
      this.parent.set(n.id, p);
      if (p === null) {
        this.roots.push(n.id);
        continue;
      }
      const list = this.children.get(p);
      if (list) list.push(n.id);
      else this.children.set(p, [n.id]);
    }
    for (const r of this.roots) this.layout(r);
    // Nodes on a cycle (malformed history) are unreachable from any root: break each cycle at its
    // smallest id, which becomes a root, so every node is placed exactly once.
    if (this.order.length < nodes.length) {
      const rest = nodes.filter((n) => !this.start.has(n.id)).map((n) => n.id);
      rest.sort((a, b) => a - b);
      for (const id of rest) {
        if (this.start.has(id)) continue;
        const p = this.parent.get(id);
        if (p !== null && p !== undefined) {
          const siblings = this.children.get(p);
          if (siblings) siblings.splice(siblings.indexOf(id), 1);
        }
        this.parent.set(id, null);
        this.roots.push(id);
        this.layout(id);
      }
    }
  }

  private layout(root: number): void {
    const stack: number[] = [root];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id < 0) {
        const at = this.start.get(-id - 1)!;
        this.sizes[at] = this.order.length - at;
        continue;
      }
      this.start.set(id, this.order.length);
      this.order.push(id);
      stack.push(-id - 1);
      const kids = this.children.get(id);
      if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }

  has(id: number): boolean {
    return this.start.has(id);
  }

  parentOf(id: number): number | null {
    return this.parent.get(id) ?? null;
  }

  childrenOf(id: number): readonly number[] {
    return this.children.get(id) ?? EMPTY;
  }

  ancestors(id: number): number[] {
    const out: number[] = [];
    let p = this.parentOf(id);
    while (p !== null) {
      out.push(p);
      p = this.parentOf(p);
    }
    return out;
  }

  subtree(id: number): readonly number[] {
    const s = this.start.get(id);
    if (s === undefined) return EMPTY;
    return this.order.slice(s, s + this.sizes[s]!);
  }

  isInSubtree(id: number, rootId: number): boolean {
    const s = this.start.get(id);
    const r = this.start.get(rootId);
    if (s === undefined || r === undefined) return false;
    return r <= s && s < r + this.sizes[r]!;
  }

  preOrder(): readonly number[] {
    return this.order;
  }
}

// ---------------------------------------------------------------------------------------------------
// Organization tree as of a date.

/** Re-parentings grouped by organization, each list sorted by date. */
export type ReparentingIndex = ReadonlyMap<number, readonly ReparentingRec[]>;

export function indexReparentings(reparentings: readonly ReparentingRec[]): ReparentingIndex {
  const map = new Map<number, ReparentingRec[]>();
  for (const r of reparentings) {
    const list = map.get(r.orgId);
    if (list) list.push(r);
    else map.set(r.orgId, [r]);
  }
  for (const list of map.values())
    list.sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : 0));
  return map;
}

/**
 * The superior of `org` as of D: the `fromParentId` of the earliest re-parenting effective after D, else
 * today's superior.
 */
export function parentAsOf(
  org: OrgRec,
  history: readonly ReparentingRec[] | undefined,
  d: IsoDate,
): number | null {
  if (history) {
    for (const r of history) if (r.effectiveOn > d) return r.fromParentId;
  }
  return org.parentId;
}

function isReparentingIndex(x: readonly ReparentingRec[] | ReparentingIndex): x is ReparentingIndex {
  return x instanceof Map;
}

export function orgInForce(org: OrgRec, d: IsoDate): boolean {
  return inForce(org.foundedOn, org.revokedOn, d);
}

/** The organization tree as it stood on `asOf`: only organizations in force then, superiors as of then. */
export class OrgTree {
  readonly asOf: IsoDate;
  private readonly byId = new Map<number, OrgRec>();
  private readonly forest: Forest;

  constructor(
    orgs: readonly OrgRec[],
    reparentings: readonly ReparentingRec[] | ReparentingIndex,
    asOf: IsoDate,
  ) {
    this.asOf = asOf;
    const history = isReparentingIndex(reparentings) ? reparentings : null;
    // Earliest re-parenting after D per organization, in one pass when no index was given.
    const firstAfter = new Map<number, ReparentingRec>();
    if (!isReparentingIndex(reparentings)) {
      for (const r of reparentings) {
        if (r.effectiveOn <= asOf) continue;
        const cur = firstAfter.get(r.orgId);
        if (!cur || r.effectiveOn < cur.effectiveOn) firstAfter.set(r.orgId, r);
      }
    }
    const live: OrgRec[] = [];
    for (const o of orgs) {
      if (orgInForce(o, asOf)) {
        live.push(o);
        this.byId.set(o.id, o);
      }
    }
    const parentOf = (id: number): number | null => {
      const o = this.byId.get(id)!;
      if (history) return parentAsOf(o, history.get(id), asOf);
      const r = firstAfter.get(id);
      return r ? r.fromParentId : o.parentId;
    };
    this.forest = new Forest(live, parentOf);
  }

  has(id: number): boolean {
    return this.byId.has(id);
  }

  org(id: number): OrgRec | undefined {
    return this.byId.get(id);
  }

  /** All organizations in force, in pre-order (superiors before their subordinates). */
  orgs(): OrgRec[] {
    return this.forest.preOrder().map((id) => this.byId.get(id)!);
  }

  get size(): number {
    return this.byId.size;
  }

  roots(): readonly number[] {
    return this.forest.roots;
  }

  /** The superior as of the tree's date; null for a root (or a superior not in force then). */
  parentOf(id: number): number | null {
    return this.forest.parentOf(id);
  }

  /** Direct subordinates, ordered by code. */
  childrenOf(id: number): readonly number[] {
    return this.forest.childrenOf(id);
  }

  /** Superiors from the nearest up to the root. */
  ancestors(id: number): number[] {
    return this.forest.ancestors(id);
  }

  /** The organization and everything under it, in pre-order; empty when not in force. */
  subtree(id: number): readonly number[] {
    return this.forest.subtree(id);
  }

  isInSubtree(id: number, rootId: number): boolean {
    return this.forest.isInSubtree(id, rootId);
  }

  /**
   * The topmost organization of the unit `id` belongs to: walk up while the superior is a grassroots
   * organization (a branch under an enterprise's 基层党委 → that 基层党委).
   */
  topmostOfUnit(id: number): number {
    let cur = id;
    for (;;) {
      const p = this.parentOf(cur);
      if (p === null) return cur;
      const po = this.byId.get(p);
      if (!po || !isGrassroots(po.category)) return cur;
      cur = p;
    }
  }
}

export function buildOrgTree(
  orgs: readonly OrgRec[],
  reparentings: readonly ReparentingRec[] | ReparentingIndex,
  asOf: IsoDate,
): OrgTree {
  return new OrgTree(orgs, reparentings, asOf);
}

// ---------------------------------------------------------------------------------------------------
// Region tree (属地).

export class RegionTree {
  private readonly byId = new Map<number, RegionRec>();
  private readonly forest: Forest;

  constructor(regions: readonly RegionRec[]) {
    for (const r of regions) this.byId.set(r.id, r);
    this.forest = new Forest(regions, (id) => this.byId.get(id)?.parentId ?? null);
  }

  has(id: number): boolean {
    return this.byId.has(id);
  }

  region(id: number): RegionRec | undefined {
    return this.byId.get(id);
  }

  parentOf(id: number): number | null {
    return this.forest.parentOf(id);
  }

  childrenOf(id: number): readonly number[] {
    return this.forest.childrenOf(id);
  }

  ancestors(id: number): number[] {
    return this.forest.ancestors(id);
  }

  /** The region and every region under it, in pre-order. */
  subtree(id: number): readonly number[] {
    return this.forest.subtree(id);
  }

  /** The territory of a region: the set of its subtree's ids. */
  subtreeSet(id: number): Set<number> {
    return new Set(this.forest.subtree(id));
  }

  isInSubtree(id: number, rootId: number): boolean {
    return this.forest.isInSubtree(id, rootId);
  }
}

export function buildRegionTree(regions: readonly RegionRec[]): RegionTree {
  return new RegionTree(regions);
}
