import { Card } from "antd";
import { DEFAULT_POLICY } from "@liangxin/domain";
import { requirePage } from "@/server/caller";
import { orNotFound } from "@/server/guard";
import { DataTable } from "@/components/data-table";
import { policyMessages as m } from "./messages.ts";
import { policyChanges, policyLines } from "./policy-text.ts";
import { PolicyForm } from "./policy-form.tsx";

/**
 * 政策参数: the rules in force today, every dated version with what it changed, and for the city's
 * administrator a form to add a version (e.g. to open the year-end reporting window early).
 */
export default async function PoliciesPage() {
  const { caller } = await requirePage("/policies");
  const data = await orNotFound(caller.records.policy.list());
  const today = data.inForce;
  // Oldest first to compare each version with the one before it; shown newest first.
  const ascending = [...data.versions].reverse();
  const rows = ascending
    .map((v, i) => {
      const before = i === 0 ? DEFAULT_POLICY : ascending[i - 1]!.params;
      const changes = policyChanges(before, v.params);
      return {
        key: v.effectiveOn,
        effectiveOn: v.effectiveOn,
        changes: {
          items: (changes.length > 0 ? changes : [i === 0 ? m.sameAsDefault : m.noChange]).map((text) => ({
            text,
          })),
        },
        note: v.note ?? "",
        state: v.inForce
          ? { tag: m.inForce, color: "green" }
          : v.effectiveOn > today.effectiveOn
            ? { tag: m.future, color: "blue" }
            : { tag: m.past },
      };
    })
    .reverse();
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 16 }}>
      <Card title={m.title}>
        <p style={{ color: "#666" }}>{m.intro}</p>
        <h4 data-testid="policy-in-force-title">
          {data.versions.some((v) => v.inForce) ? m.inForceTitle(today.effectiveOn) : m.inForceDefault}
        </h4>
        <DataTable
          testId="policy-in-force"
          columns={[
            { key: "label", title: "参数" },
            { key: "value", title: "取值" },
          ]}
          rows={policyLines(today.params).map((l) => ({ key: l.key, label: l.label, value: l.value }))}
        />
      </Card>
      <Card title={m.versionsTitle}>
        <DataTable
          testId="policy-versions"
          emptyText={m.none}
          columns={[
            { key: "effectiveOn", title: m.effectiveOn },
            { key: "state", title: m.state },
            { key: "changes", title: m.changes },
            { key: "note", title: m.note },
          ]}
          rows={rows}
        />
      </Card>
      {data.canSet ? <PolicyForm current={today.params} /> : null}
    </div>
  );
}
