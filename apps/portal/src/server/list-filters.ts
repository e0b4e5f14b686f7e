/**
 * The filters of the ledger's lists, read from the URL's search parameters: the list page and its CSV
 * download parse them here, so the file always holds what the page lists (all pages of it).
 */
import {
  FORMATION_MODES,
  HOST_SORTS,
  INDUSTRY_SECTIONS,
  INSTRUCTOR_KINDS,
  INSTRUCTOR_SORTS,
  MEMBER_FLAGS,
  MEMBER_SORTS,
  MEMBER_STATUSES,
  ORG_CATEGORIES,
  ORG_SORTS,
  type FormationMode,
  type InstructorKind,
  type MemberStatus,
  type OrgCategory,
} from "@liangxin/domain";

export type Search = Record<string, string | string[] | undefined>;

function str(v: string | string[] | undefined): string | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  return s && s.trim() ? s.trim() : undefined;
}
function positive(v: string | string[] | undefined): number | undefined {
  const n = Number(str(v) ?? NaN);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}
function oneOf<T extends string>(list: readonly T[], v: string | string[] | undefined): T | undefined {
  const s = str(v);
  return s !== undefined && (list as readonly string[]).includes(s) ? (s as T) : undefined;
}
/** Drop the undefined keys (the API's inputs are exact optional properties). */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function hostFilter(sp: Search) {
  return defined({
    q: str(sp.q),
    regionId: positive(sp.region),
    kind: oneOf(["enterprise", "socialOrg"] as const, sp.kind),
    coverage: oneOf(["covered", "uncovered"] as const, sp.coverage),
    shouldEstablish: str(sp.sene) === "1" ? true : undefined,
    aboveScale: str(sp.above) === "1" ? true : undefined,
    withMembers: str(sp.withMembers) === "1" ? true : undefined,
    industry: oneOf(INDUSTRY_SECTIONS, sp.industry),
    sort: oneOf(HOST_SORTS, sp.sort),
  });
}

export function orgFilter(sp: Search) {
  return defined({
    q: str(sp.q),
    category: oneOf<OrgCategory>(ORG_CATEGORIES, sp.category),
    formationMode: oneOf<FormationMode>(FORMATION_MODES, sp.mode),
    nodeId: positive(sp.area),
    sort: oneOf(ORG_SORTS, sp.sort),
  });
}

export function memberFilter(sp: Search) {
  return defined({
    q: str(sp.q),
    orgId: positive(sp.org),
    nodeId: positive(sp.area),
    status: oneOf<MemberStatus>(MEMBER_STATUSES, sp.status),
    membership: oneOf(["full", "probationary"] as const, sp.membership),
    flag: oneOf(MEMBER_FLAGS, sp.flag),
    sort: oneOf(MEMBER_SORTS, sp.sort),
  });
}

export function instructorFilter(sp: Search) {
  return defined({
    q: str(sp.q),
    kind: oneOf<InstructorKind>(INSTRUCTOR_KINDS, sp.kind),
    nodeId: positive(sp.area),
    activity: oneOf(["active", "idle"] as const, sp.activity),
    sort: oneOf(INSTRUCTOR_SORTS, sp.sort),
  });
}

/** The search parameters of a list without its page: the CSV link and the pager keep them. */
export function filterParams(sp: Search, keys: readonly string[]): Record<string, string | undefined> {
  return Object.fromEntries(keys.map((k) => [k, str(sp[k])]));
}

export const LIST_KEYS = {
  hosts: ["q", "region", "kind", "coverage", "sene", "above", "withMembers", "industry", "sort"],
  orgs: ["q", "category", "mode", "area", "sort"],
  members: ["q", "org", "area", "status", "membership", "flag", "sort"],
  instructors: ["q", "kind", "area", "activity", "sort"],
} as const;

export type ListName = keyof typeof LIST_KEYS;

/** The CSV download of a list with the page's current filters. */
export function csvHref(list: ListName, sp: Search): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filterParams(sp, LIST_KEYS[list]))) if (v) q.set(k, v);
  const s = q.toString();
  return `/api/lists/${list}${s ? `?${s}` : ""}`;
}
