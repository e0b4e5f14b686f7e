/**
 * Every page a role uses is reachable from that role's home page: the menu is built from this list, and
 * each page checks it (`requirePage`), so a page a caller lacks answers 404 and is not in its menu.
 * Add one entry per page; `roles` are the roles that see it; `territory` pages need a territory (属地):
 * the 行业党委 has none (no hosts of its own, hence no corrections to decide). The menu lists the pages in
 * this order, under their groups (`NAV_GROUPS`).
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
  /** The menu group the page is listed under (none: 首页, above the groups). */
  group?: NavGroup;
}

/** The menu's groups, in the menu's order; 首页 stands above them. */
export const NAV_GROUPS = {
  ledger: "台账",
  work: "日常工作",
  report: "年报统计",
  system: "系统管理",
} as const;

export type NavGroup = keyof typeof NAV_GROUPS;

/** In menu order: 首页, then each group's pages; 账号与密码 last. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "首页", roles: ["admin", "secretary", "owner"] },
  { href: "/hosts", label: "两新组织", roles: ["admin", "secretary"], group: "ledger" },
  { href: "/orgs", label: "党组织", roles: ["admin", "secretary"], group: "ledger" },
  { href: "/members", label: "党员", roles: ["admin", "secretary"], group: "ledger" },
  { href: "/instructors", label: "指导员", roles: ["admin", "secretary"], group: "ledger" },
  { href: "/coverage-requests", label: "覆盖申请", roles: ["admin", "secretary"], group: "ledger" },
  { href: "/corrections", label: "更正审核", roles: ["admin"], territory: true, group: "ledger" },
  { href: "/import", label: "导入导出", roles: ["admin"], group: "ledger" },
  { href: "/inbox", label: "待办", roles: ["admin", "secretary"], group: "work" },
  { href: "/work/plans", label: "组建计划", roles: ["admin"], group: "work" },
  { href: "/work/instructors", label: "指导员选派", roles: ["admin"], group: "work" },
  { href: "/work/meetings", label: "组织生活", roles: ["admin", "secretary"], group: "work" },
  { href: "/work/elections", label: "换届", roles: ["admin", "secretary"], group: "work" },
  { href: "/work/basics", label: "五个基本", roles: ["admin", "secretary"], group: "work" },
  { href: "/work/training", label: "培训", roles: ["admin"], group: "work" },
  { href: "/work/ratings", label: "定级整顿", roles: ["admin"], group: "work" },
  { href: "/work/assessments", label: "指导员考核", roles: ["admin"], group: "work" },
  { href: "/work/reviews", label: "述职评议", roles: ["admin"], group: "work" },
  { href: "/work/five-good", label: "五好党支部", roles: ["admin", "secretary"], group: "work" },
  { href: "/work/pacts", label: "联建共建", roles: ["admin"], group: "work" },
  { href: "/work/development", label: "发展党员", roles: ["admin", "secretary"], group: "work" },
  { href: "/work/showcases", label: "示范点", roles: ["admin"], group: "work" },
  { href: "/work/contacts", label: "领导干部联系点", roles: ["admin"], group: "work" },
  { href: "/reports", label: "党内统计年报", roles: ["admin"], group: "report" },
  { href: "/analysis", label: "统计分析", roles: ["admin"], group: "report" },
  { href: "/users", label: "用户管理", roles: ["admin"], group: "system" },
  { href: "/audit", label: "审计日志", roles: ["admin"], group: "system" },
  { href: "/policies", label: "政策参数", roles: ["admin"], group: "system" },
  { href: "/account", label: "账号与密码", roles: ["admin", "secretary", "owner"], group: "system" },
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

export interface NavSection {
  /** The group's label; none for the entries above the groups (首页). */
  label?: string;
  items: { href: string; label: string }[];
}

/** The viewer's menu: 首页, then the groups holding at least one of its pages, in order. */
export function navSectionsFor(v: Viewer): NavSection[] {
  const items = navFor(v);
  const entry = ({ href, label }: NavItem) => ({ href, label });
  const sections: NavSection[] = [{ items: items.filter((i) => !i.group).map(entry) }];
  for (const [group, label] of Object.entries(NAV_GROUPS) as [NavGroup, string][]) {
    const inGroup = items.filter((i) => i.group === group).map(entry);
    if (inGroup.length) sections.push({ label, items: inGroup });
  }
  return sections;
}
