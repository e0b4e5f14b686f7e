import { Alert, Card } from "antd";
import { formatFen } from "@liangxin/domain";
import { requirePage } from "@/server/caller";
import { orNotFound } from "@/server/guard";
import { CorrectionsTable } from "@/roles/tables";
import { rm } from "@/roles/messages";

export default async function CorrectionsPage() {
  const { caller } = await requirePage("/corrections");
  const inbox = await orNotFound(caller.corrections.inbox());
  return (
    <Card title={rm.correctionsTitle}>
      <p style={{ color: "#666", marginTop: 0 }}>{rm.correctionsHint}</p>
      {inbox.canDecide ? null : (
        <Alert type="info" showIcon title={rm.readOnlyInbox} style={{ marginBottom: 12 }} />
      )}
      {inbox.total > inbox.rows.length ? (
        <p style={{ color: "#666" }} data-testid="corrections-shown">
          {rm.correctionsShown(inbox.rows.length, inbox.total)}
        </p>
      ) : null}
      <CorrectionsTable
        testId="corrections-table"
        columns={[
          { key: "host", title: rm.name },
          { key: "region", title: rm.region },
          { key: "by", title: rm.requestedBy },
          { key: "proposed", title: rm.proposed },
          { key: "current", title: rm.current },
          { key: "state", title: rm.state },
          { key: "actions", title: "" },
        ]}
        rows={inbox.rows.map((c) => ({
          key: c.id,
          host: { link: `/hosts/${c.hostId}`, text: c.hostName },
          region: c.regionName,
          by: c.requestedBy,
          proposed: `${c.payload.year}:${rm.employees} ${c.payload.employees},${rm.revenue} ${formatFen(c.payload.revenueFen)},${rm.contactPhone} ${c.payload.contactPhone ?? "—"}`,
          current: `${rm.employees} ${c.current.employees ?? "—"},${rm.revenue} ${formatFen(c.current.revenueFen)},${rm.contactPhone} ${c.current.contactPhone ?? "—"}`,
          state: `${rm.states[c.state] ?? c.state}${c.reason ? `(${c.reason})` : ""}`,
          actions:
            inbox.canDecide && c.state === "pending"
              ? { action: "decideCorrection" as const, id: c.id }
              : null,
        }))}
      />
    </Card>
  );
}
