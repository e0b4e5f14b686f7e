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
  { href: "/hosts", label: "两新组织", roles: ["admin", "secretary"] },
  { href: "/orgs", label: "党组织", roles: ["admin", "secretary"] },
  { href: "/members", label: "党员", roles: ["admin", "secretary"] },
  { href: "/instructors", label: "指导员", roles: ["admin", "secretary"] },
  { href: "/corrections", label: "更正审核", roles: ["admin"] },
  { href: "/users", label: "用户管理", roles: ["admin"] },
  { href: "/audit", label: "审计日志", roles: ["admin"] },
  { href: "/account", label: "账号与密码", roles: ["admin", "secretary", "owner"] },
  { href: "/reports", label: "党内统计年报", roles: ["admin"] },
  { href: "/analysis", label: "统计分析", roles: ["admin"] },
  { href: "/inbox", label: "待办", roles: ["admin", "secretary"] },
  { href: "/work/plans", label: "组建计划", roles: ["admin"] },
  { href: "/work/instructors", label: "指导员选派", roles: ["admin"] },
  { href: "/work/meetings", label: "组织生活", roles: ["admin", "secretary"] },
  { href: "/work/elections", label: "换届", roles: ["admin", "secretary"] },
  { href: "/work/ratings", label: "定级整顿", roles: ["admin"] },
  { href: "/work/pacts", label: "联建共建", roles: ["admin"] },
  { href: "/work/development", label: "发展党员", roles: ["admin", "secretary"] },
  { href: "/import", label: "导入导出", roles: ["admin"] },
];

export function navFor(role: NavRole): NavItem[] {
  return NAV_ITEMS.filter((i) => i.roles.includes(role));
}
