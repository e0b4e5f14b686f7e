import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { requirePage } from "@/server/caller";
import { reportPageMessages as m } from "../../reports/messages.ts";

export const dynamic = "force-dynamic";

const cell = { border: "1px solid #ddd", padding: "2px 6px" } as const;

function NotLive() {
  return (
    <span style={{ color: "#cf1322", marginLeft: 6 }} data-testid="drill-not-live">
      ({m.drillNotLive})
    </span>
  );
}

function linkTo(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, v);
  return `/analysis/drill?${q.toString()}`;
}

/** The records behind one figure of a report row (hosts, organizations or masked members). */
export default async function DrillPage({
  searchParams,
}: {
  searchParams: Promise<{ node?: string; year?: string; row?: string; key?: string; live?: string }>;
}) {
  const sp = await searchParams;
  const int = (s: string | undefined) => (s && /^\d+$/.test(s) ? Number(s) : undefined);
  const nodeId = int(sp.node);
  const year = int(sp.year);
  if (!nodeId || !year || !sp.key) notFound();
  const { caller } = await requirePage("/analysis");
  let d;
  try {
    d = await caller.report.drill({
      nodeId,
      year,
      key: sp.key,
      rowOrgId: int(sp.row) ?? null,
      live: sp.live === "1",
    });
  } catch (e) {
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) notFound();
    throw e;
  }
  return (
    <div data-testid="drill-page">
      <h2>{m.drillTitle(d.row.name, d.label)}</h2>
      <div style={{ color: "#666", marginBottom: 8 }}>
        {d.node.name} · {m.drillAsOf(d.asOf)}
      </div>
      {d.source === "frozen" && d.state ? (
        <div data-testid="drill-source" data-source="frozen" style={{ marginBottom: 8 }}>
          {m.drillFrozen(d.state)} ·{" "}
          <a href={linkTo({ ...sp, live: "1" })} data-testid="drill-live-link">
            {m.drillShowLive(d.liveOnly)}
          </a>
        </div>
      ) : sp.live === "1" ? (
        <div data-testid="drill-source" data-source="live" style={{ marginBottom: 8 }}>
          {m.drillLive} ·{" "}
          <a href={linkTo({ ...sp, live: undefined })} data-testid="drill-frozen-link">
            {m.drillShowFrozen}
          </a>
        </div>
      ) : null}
      {d.hosts.length > 0 ? (
        <>
          <h3>
            {m.drillHosts}({d.hosts.length})
          </h3>
          <table style={{ borderCollapse: "collapse", background: "#fff" }} data-testid="drill-hosts">
            <thead>
              <tr>
                {[m.hostName, m.creditCode, m.hostKind, m.employees, m.membersWorking, m.covered].map((h) => (
                  <th key={h} style={cell}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.hosts.map((h) => (
                <tr key={h.id} data-live={h.live ? "1" : "0"}>
                  <td style={cell}>
                    {h.name}
                    {h.live ? null : <NotLive />}
                  </td>
                  <td style={cell}>{h.creditCode}</td>
                  <td style={cell}>{h.kind}</td>
                  <td style={cell}>{h.employees}</td>
                  <td style={cell}>{h.membersWorking}</td>
                  <td style={cell}>{h.covered ? m.yes : m.no}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {d.orgs.length > 0 ? (
        <>
          <h3>
            {m.drillOrgs}({d.orgs.length})
          </h3>
          <table style={{ borderCollapse: "collapse", background: "#fff" }} data-testid="drill-orgs">
            <tbody>
              {d.orgs.map((o) => (
                <tr key={o.id} data-live={o.live ? "1" : "0"}>
                  <td style={cell}>{o.code}</td>
                  <td style={cell}>
                    {o.name}
                    {o.live ? null : <NotLive />}
                  </td>
                  <td style={cell}>{o.category}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {d.members.length > 0 ? (
        <>
          <h3>
            {m.drillMembers}({d.members.length})
          </h3>
          <table style={{ borderCollapse: "collapse", background: "#fff" }} data-testid="drill-members">
            <thead>
              <tr>
                {[m.memberName, m.idNumber, m.memberFull].map((h) => (
                  <th key={h} style={cell}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.members.map((x, i) => (
                <tr key={i} data-live={x.live ? "1" : "0"}>
                  <td style={cell}>
                    {x.name}
                    {x.live ? null : <NotLive />}
                  </td>
                  <td style={cell}>{x.idNumber}</td>
                  <td style={cell}>{x.full ? m.full : m.probationary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {d.hosts.length + d.orgs.length + d.members.length === 0 ? <div>{m.drillEmpty}</div> : null}
    </div>
  );
}
