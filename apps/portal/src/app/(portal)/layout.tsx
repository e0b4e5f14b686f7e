import type { ReactNode } from "react";
import Link from "next/link";
import { Button } from "antd";
import { requireCaller } from "@/server/caller";
import { NavDrawer, NavMenu } from "@/components/nav-menu";
import { logout } from "../logout-action.ts";
import { navSectionsFor } from "../nav.ts";
import { portalMessages as m } from "../messages.ts";

export const dynamic = "force-dynamic";

/**
 * The shell of every page: the header, the side menu and the page. On a narrow screen (under 768 px, a
 * phone) the side menu gives way to a drawer opened from the header (globals.css) and the page's padding
 * shrinks.
 */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const { me } = await requireCaller();
  const sections = navSectionsFor(me);
  return (
    <div style={{ minHeight: "100vh" }}>
      <header
        className="portal-header"
        style={{
          background: "#c8161d",
          color: "#fff",
          display: "flex",
          alignItems: "center",
          justifyContent: "space-between",
          gap: 12,
          padding: "0 24px",
          height: 56,
        }}
      >
        <div style={{ display: "flex", alignItems: "center", gap: 4, flex: "none" }}>
          <NavDrawer sections={sections} title={m.menu} />
          <Link href="/" style={{ color: "#fff", fontSize: 18, fontWeight: 600, whiteSpace: "nowrap" }}>
            {m.appName}
          </Link>
        </div>
        <div style={{ display: "flex", alignItems: "center", gap: 16, minWidth: 0 }}>
          <span
            data-testid="current-user"
            style={{ overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", minWidth: 0 }}
          >
            {me.displayName}({me.roleLabel} · {me.scopeName})
          </span>
          <form action={logout} style={{ flex: "none" }}>
            <Button htmlType="submit" size="small">
              {m.logout}
            </Button>
          </form>
        </div>
      </header>
      <div style={{ display: "flex", alignItems: "stretch" }}>
        <aside className="portal-nav" style={{ width: 176, flex: "none", background: "#fff" }}>
          <NavMenu sections={sections} />
        </aside>
        <main className="portal-main" style={{ flex: 1, minWidth: 0, maxWidth: 1400 }}>
          {children}
        </main>
      </div>
    </div>
  );
}
