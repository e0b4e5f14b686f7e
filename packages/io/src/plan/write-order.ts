/**
 * The tables an import writes, in the order their changes are written: a row's references (regions,
 * organizations, hosts, members, instructors) come before the rows that name them.
 */

export const WRITE_ORDER = [
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
] as const;
export type WriteTable = (typeof WRITE_ORDER)[number];
