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
  { href: "/import", label: "导入导出", roles: ["admin"] },
];

export function navFor(role: NavRole): NavItem[] {
  return NAV_ITEMS.filter((i) => i.roles.includes(role));
}
