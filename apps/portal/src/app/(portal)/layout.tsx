import type { ReactNode } from "react";
import Link from "next/link";
import { Button } from "antd";
import { requireCaller } from "@/server/caller";
import { NavMenu } from "@/components/nav-menu";
import { logout } from "../logout-action";
import { navFor } from "../nav";
import { portalMessages as m } from "../messages";

export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const { me } = await requireCaller();
  return (
    <div style={{ minHeight: "100vh" }}>
      <header
        style={{
          background: "#c8161d",
          color: "#fff",
          display: "flex",
          alignItems: "center",
          justifyContent: "space-between",
          padding: "0 24px",
          height: 56,
        }}
      >
        <Link href="/" style={{ color: "#fff", fontSize: 18, fontWeight: 600 }}>
          {m.appName}
        </Link>
        <div style={{ display: "flex", alignItems: "center", gap: 16 }}>
          <span data-testid="current-user">
            {me.displayName}({me.roleLabel} · {me.scopeName})
          </span>
          <form action={logout}>
            <Button htmlType="submit" size="small">
              {m.logout}
            </Button>
          </form>
        </div>
      </header>
      <div style={{ display: "flex", alignItems: "stretch" }}>
        <aside className="portal-nav" style={{ width: 176, flex: "none", background: "#fff" }}>
          <NavMenu items={navFor(me).map(({ href, label }) => ({ href, label }))} />
        </aside>
        <main style={{ padding: 24, flex: 1, minWidth: 0, maxWidth: 1400 }}>{children}</main>
      </div>
    </div>
  );
}
