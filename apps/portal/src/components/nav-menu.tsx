"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Menu } from "antd";

/** The role's menu: the current page is selected. */
export function NavMenu({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const selected = items
    .filter((i) => (i.href === "/" ? pathname === "/" : pathname.startsWith(i.href)))
    .map((i) => i.href);
  return (
    <Menu
      mode="horizontal"
      selectedKeys={selected}
      items={items.map((i) => ({ key: i.href, label: <Link href={i.href}>{i.label}</Link> }))}
      style={{ padding: "0 16px" }}
      data-testid="nav-menu"
    />
  );
}
