"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Menu } from "antd";

/** The role's menu, every page listed (no overflow folding): the current page is selected. */
export function NavMenu({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const selected = items
    .filter((i) => (i.href === "/" ? pathname === "/" : pathname.startsWith(i.href)))
    .map((i) => i.href);
  return (
    <Menu
      mode="inline"
      selectedKeys={selected}
      items={items.map((i) => ({ key: i.href, label: <Link href={i.href}>{i.label}</Link> }))}
      style={{ borderInlineEnd: 0, minHeight: "calc(100vh - 56px)" }}
      data-testid="nav-menu"
    />
  );
}
