/**
 * Every page a role uses is reachable from that role's home page: the menu is built from this list, and
 * each page checks it (`requirePage`), so a page a caller lacks answers 404 and is not in its menu.
 * Add one entry per page; `roles` are the roles that see it; `territory` pages need a territory (属地):
 * the 行业党委 has none (no hosts of its own, hence no corrections to decide).
 */
export type NavRole = "admin" | "secretary" | "owner";

export interface Viewer {
  role: NavRole;
  hasTerritory: boolean;
}

export interface NavItem {
  href: string;
  label: string;
  roles: readonly NavRole[];
  territory?: true;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "首页", roles: ["admin", "secretary", "owner"] },
  { href: "/hosts", label: "两新组织", roles: ["admin", "secretary"] },
  { href: "/orgs", label: "党组织", roles: ["admin", "secretary"] },
  { href: "/members", label: "党员", roles: ["admin", "secretary"] },
  { href: "/instructors", label: "指导员", roles: ["admin", "secretary"] },
  { href: "/corrections", label: "更正审核", roles: ["admin"], territory: true },
  { href: "/users", label: "用户管理", roles: ["admin"] },
  { href: "/audit", label: "审计日志", roles: ["admin"] },
  { href: "/account", label: "账号与密码", roles: ["admin", "secretary", "owner"] },
  { href: "/reports", label: "党内统计年报", roles: ["admin"] },
  { href: "/analysis", label: "统计分析", roles: ["admin"] },
  { href: "/inbox", label: "待办", roles: ["admin", "secretary"] },
  { href: "/coverage-requests", label: "覆盖申请", roles: ["admin", "secretary"] },
  { href: "/work/plans", label: "组建计划", roles: ["admin"] },
  { href: "/work/instructors", label: "指导员选派", roles: ["admin"] },
  { href: "/work/meetings", label: "组织生活", roles: ["admin", "secretary"] },
  { href: "/work/elections", label: "换届", roles: ["admin", "secretary"] },
  { href: "/work/ratings", label: "定级整顿", roles: ["admin"] },
  { href: "/work/pacts", label: "联建共建", roles: ["admin"] },
  { href: "/work/development", label: "发展党员", roles: ["admin", "secretary"] },
  { href: "/import", label: "导入导出", roles: ["admin"] },
  { href: "/policies", label: "政策参数", roles: ["admin"] },
];

export type NavHref = (typeof NAV_ITEMS)[number]["href"];

const sees = (v: Viewer, i: NavItem) => i.roles.includes(v.role) && (!i.territory || v.hasTerritory);

export function navFor(v: Viewer): NavItem[] {
  return NAV_ITEMS.filter((i) => sees(v, i));
}

/** Whether the viewer's menu holds the page `href` (a page below a menu entry uses the entry's href). */
export function allows(v: Viewer, href: string): boolean {
  const item = NAV_ITEMS.find((i) => i.href === href);
  return item !== undefined && sees(v, item);
}
