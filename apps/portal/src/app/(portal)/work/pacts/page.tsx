import { Card } from "antd";
import { PACT_KIND_LABELS, formatFen } from "@liangxin/domain";
import { requirePage } from "@/server/caller";
import { WorkTable } from "../work-table.tsx";
import { PactForm } from "../pact-forms.tsx";
import { workMessages as m } from "../messages.ts";

export default async function PactsPage() {
  const { caller } = await requirePage("/work/pacts");
  const ctx = await caller.work.context();
  const [pacts, orgs] = await Promise.all([caller.work.pacts.list(), caller.work.orgs()]);
  return (
    <div>
      <h2>{m.pactsTitle}</h2>
      <PactForm orgs={orgs} today={ctx.today} />
      <Card title={m.pactsTitle} size="small">
        <WorkTable
          testId="pact-table"
          columns={[
            { key: "name", title: m.pactName },
            { key: "kind", title: m.pactKind },
            { key: "parties", title: m.parties },
            { key: "startOn", title: m.startOn },
            { key: "funds", title: m.funds },
            { key: "outcome", title: m.outcome },
          ]}
          rows={pacts.map((p) => ({
            key: p.id,
            name: p.name,
            kind: PACT_KIND_LABELS[p.kind],
            parties: p.parties.map((x) => x.name).join("、"),
            startOn: p.endOn ? `${p.startOn} — ${p.endOn}` : p.startOn,
            funds: p.fundsFen === null ? "" : formatFen(p.fundsFen),
            outcome: p.outcome ?? "",
          }))}
        />
      </Card>
    </div>
  );
}
