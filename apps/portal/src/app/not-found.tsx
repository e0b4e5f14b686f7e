import Link from "next/link";
import { portalMessages as m } from "./messages.ts";

export default function NotFound() {
  return (
    <main style={{ minHeight: "60vh", display: "grid", placeItems: "center", textAlign: "center" }}>
      <div>
        <div style={{ fontSize: 64, color: "#c8161d", fontWeight: 700 }}>404</div>
        <h1 style={{ fontSize: 22 }}>{m.notFoundTitle}</h1>
        <p style={{ color: "#666" }}>{m.notFoundText}</p>
        <Link href="/">{m.backHome}</Link>
      </div>
    </main>
  );
}
