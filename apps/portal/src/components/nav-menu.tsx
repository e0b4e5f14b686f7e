"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { Menu, Spin } from "antd";
import { serviceMessages as sm } from "@/app/service-messages";

/**
 * While the page a menu entry opens is computed on the server (reports and analyses can take a while), the
 * entry shows a spinner: the feedback a loading.tsx would give, without streaming the page (which would turn
 * a page's 404 into a 200).
 */
function Pending() {
  const { pending } = useLinkStatus();
  if (!pending) return null;
  return (
    <span data-testid="nav-pending" title={sm.navPending} aria-hidden style={{ marginInlineStart: 8 }}>
      <Spin size="small" />
    </span>
  );
}

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
      items={items.map((i) => ({
        key: i.href,
        label: (
          <Link href={i.href}>
            {i.label}
            <Pending />
          </Link>
        ),
      }))}
      style={{ borderInlineEnd: 0, minHeight: "calc(100vh - 56px)" }}
      data-testid="nav-menu"
    />
  );
}
