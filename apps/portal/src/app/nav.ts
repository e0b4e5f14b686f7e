/**
 * Every page a role uses is reachable from that role's home page: the menu is built from this list.
 * Add one entry per page; `roles` are the roles that see it.
 */
export type NavRole = "admin" | "secretary" | "owner";

export interface NavItem {
  href: string;
  label: string;
  roles: readonly NavRole[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "首页", roles: ["admin", "secretary", "owner"] },
  { href: "/inbox", label: "待办", roles: ["admin", "secretary"] },
  { href: "/work/plans", label: "组建计划", roles: ["admin"] },
  { href: "/work/instructors", label: "指导员选派", roles: ["admin"] },
  { href: "/work/meetings", label: "组织生活", roles: ["admin", "secretary"] },
  { href: "/work/elections", label: "换届", roles: ["admin", "secretary"] },
  { href: "/work/ratings", label: "定级整顿", roles: ["admin"] },
  { href: "/work/pacts", label: "联建共建", roles: ["admin"] },
  { href: "/work/development", label: "发展党员", roles: ["admin", "secretary"] },
];

export function navFor(role: NavRole): NavItem[] {
  return NAV_ITEMS.filter((i) => i.roles.includes(role));
}
