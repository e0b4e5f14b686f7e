import Link from "next/link";
import { Card } from "antd";
import { requirePage } from "@/server/caller";
import { orNotFound } from "@/server/guard";
import { lx } from "@/app/ledger-messages";
import { TransfersTable } from "../member-forms.tsx";

/** 组织关系接转: received by the subtree (to accept or return with a reason) and sent from it. */
export default async function TransfersPage() {
  const { caller } = await requirePage("/members");
  const rows = await orNotFound(caller.members.transfers());
  return (
    <Card title={lx.transferList} extra={<Link href="/members">{lx.back}</Link>}>
      {rows.length === 0 ? <p>{lx.noTransfers}</p> : null}
      <TransfersTable
        testId="transfers-table"
        columns={[
          { key: "direction", title: lx.direction },
          { key: "member", title: lx.memberName },
          { key: "from", title: lx.from },
          { key: "to", title: lx.to },
          { key: "requestedOn", title: lx.requestedOn },
          { key: "effectiveOn", title: lx.effectiveOn },
          { key: "state", title: lx.state },
          { key: "decision", title: lx.decide },
        ]}
        rows={rows.map((t) => ({
          key: t.id,
          direction: t.direction === "in" ? lx.transferIn : lx.transferOut,
          member: t.memberId ? { link: `/members/${t.memberId}`, text: t.memberName } : t.memberName,
          from: t.fromName ?? "—",
          to: t.toName ?? "—",
          requestedOn: t.requestedOn,
          effectiveOn: t.effectiveOn,
          state: lx.transferStates[t.state] ?? t.state,
          decision: t.canDecide
            ? { action: "decideTransfer" as const, id: t.id }
            : [t.decidedOn, t.decisionReason].filter(Boolean).join(" ") || "—",
        }))}
      />
    </Card>
  );
}
