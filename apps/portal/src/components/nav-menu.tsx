"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { Button, Drawer, Spin } from "antd";
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
 *
 * Plain markup drawn like antd's inline Menu (`.lx-menu` in globals.css, antd's class names kept): the
 * menu is on every page, and antd's Menu rendered a tooltip, its placements and its theme for each of a
 * few dozen entries on every request — most of a list page's CPU time. Only the selection is computed
 * here, in the browser too (the layout does not render again when the page changes).
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
  const isSelected = (href: string) => (href === "/" ? pathname === "/" : pathname.startsWith(href));
  const entry = (i: { href: string; label: string }) => {
    const selected = isSelected(i.href);
    return (
      <li
        key={i.href}
        role="menuitem"
        className={`ant-menu-item${selected ? " ant-menu-item-selected" : ""}`}
        aria-current={selected ? "page" : undefined}
      >
        <Link href={i.href} onClick={onNavigate}>
          {i.label}
          <Pending />
        </Link>
      </li>
    );
  };
  return (
    <ul className="lx-menu" role="menu" data-testid={testId}>
      {sections.map((s) =>
        s.label === undefined ? (
          s.items.map(entry)
        ) : (
          <li key={`group-${s.label}`} className="ant-menu-item-group" role="presentation">
            <div className="ant-menu-item-group-title" role="presentation">
              {s.label}
            </div>
            <ul className="ant-menu-item-group-list" role="group">
              {s.items.map(entry)}
            </ul>
          </li>
        ),
      )}
    </ul>
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
