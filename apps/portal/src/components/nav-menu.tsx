"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { Button, Drawer, Menu, Spin, type MenuProps } from "antd";
import { MenuOutlined } from "@ant-design/icons";
import type { NavSection } from "@/app/nav";
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

/**
 * The role's menu, every page listed (no overflow folding) under its group (台账, 日常工作, 年报统计, 系统管理):
 * the current page is selected. `onNavigate` closes the drawer that holds the menu on a narrow screen.
 */
export function NavMenu({
  sections,
  onNavigate,
  testId = "nav-menu",
}: {
  sections: NavSection[];
  onNavigate?: () => void;
  testId?: string;
}) {
  const pathname = usePathname();
  const all = sections.flatMap((s) => s.items);
  const selected = all
    .filter((i) => (i.href === "/" ? pathname === "/" : pathname.startsWith(i.href)))
    .map((i) => i.href);
  const entry = (i: { href: string; label: string }) => ({
    key: i.href,
    label: (
      <Link href={i.href} onClick={onNavigate}>
        {i.label}
        <Pending />
      </Link>
    ),
  });
  return (
    <Menu
      mode="inline"
      selectedKeys={selected}
      items={sections.flatMap<NonNullable<MenuProps["items"]>[number]>((s) =>
        s.label === undefined
          ? s.items.map(entry)
          : [
              {
                type: "group" as const,
                key: `group-${s.label}`,
                label: s.label,
                children: s.items.map(entry),
              },
            ],
      )}
      style={{ borderInlineEnd: 0 }}
      data-testid={testId}
    />
  );
}

/**
 * On a narrow screen (a phone) the side menu is hidden (globals.css) and this button, in the header, opens
 * the same menu in a drawer; on a wide screen the button is hidden.
 */
export function NavDrawer({ sections, title }: { sections: NavSection[]; title: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        className="portal-nav-toggle"
        type="text"
        aria-label={title}
        title={title}
        icon={<MenuOutlined style={{ color: "#fff" }} />}
        onClick={() => setOpen(true)}
        data-testid="nav-toggle"
      />
      <Drawer
        placement="left"
        open={open}
        onClose={() => setOpen(false)}
        title={title}
        styles={{ body: { padding: 0 } }}
        size={240}
      >
        <NavMenu sections={sections} onNavigate={() => setOpen(false)} testId="nav-drawer-menu" />
      </Drawer>
    </>
  );
}
