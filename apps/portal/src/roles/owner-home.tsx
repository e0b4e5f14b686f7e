import { Card, Descriptions } from "antd";
import type { getCaller } from "@/server/caller";
import { ActionForm } from "@/components/action-form";
import { DataTable } from "@/components/data-table";
import { CorrectionsTable } from "./tables.tsx";
import { Field, inputStyle } from "@/components/field";
import { submitCorrectionAction } from "./actions.ts";
import { L } from "./labels.ts";
import { rm } from "./messages.ts";
import { fenText, formatChinaTime, formatFen } from "@liangxin/domain";

type Caller = Awaited<ReturnType<typeof getCaller>>;

/** The owner's home: the enterprise's own record and the correction form. No one else's personal data. */
export async function OwnerHome({ caller, today }: { caller: Caller; today: string }) {
  const { host, corrections } = await caller.owner.home();
  if (host.access !== "own") return null;
  const latest = host.figures[0];
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 16 }} data-testid="owner-home">
      <Card title={`${rm.ownerTitle}:${host.name}`}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={rm.creditCode}>{host.creditCode}</Descriptions.Item>
          <Descriptions.Item label={rm.kind}>{L.kind(host.kind)}</Descriptions.Item>
          <Descriptions.Item label={rm.region}>{host.regionName}</Descriptions.Item>
          <Descriptions.Item label={rm.foundedOn}>{host.foundedOn}</Descriptions.Item>
          <Descriptions.Item label={rm.coverageStatus}>
            <span data-testid="coverage-status">{host.covering ? rm.covered : rm.uncovered}</span>
          </Descriptions.Item>
          <Descriptions.Item label={rm.coveringOrg}>
            {host.covering ? `${host.covering.name}(${L.mode(host.covering.formationMode)})` : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={rm.secretary}>{host.covering?.secretaryName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={rm.instructor}>
            {host.instructors.length ? host.instructors.map((i) => i.name).join("、") : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={rm.massOrgs}>
            {rm.unionOn} {host.unionOn ?? rm.notSet};{rm.youthOn} {host.youthLeagueOn ?? rm.notSet};
            {rm.womenOn} {host.womenOn ?? rm.notSet}
          </Descriptions.Item>
          <Descriptions.Item label={rm.membersWorking}>
            {rm.membersCounts(
              host.membersWorking.total,
              host.membersWorking.full,
              host.membersWorking.probationary,
            )}
          </Descriptions.Item>
          <Descriptions.Item label={rm.contactPhone}>{host.contactPhone ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={rm.address}>{host.address ?? "—"}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={rm.figures}>
        <DataTable
          columns={[
            { key: "year", title: rm.year },
            { key: "employees", title: rm.employees },
            { key: "revenue", title: rm.revenue },
          ]}
          rows={host.figures.map((f) => ({
            key: f.year,
            year: f.year,
            employees: f.employees,
            revenue: formatFen(f.revenueFen),
          }))}
        />
      </Card>
      <Card title={rm.correctionForm}>
        <p style={{ color: "#666", marginTop: 0 }}>{rm.correctionHint}</p>
        <ActionForm action={submitCorrectionAction} submitLabel={rm.submit} testId="correction-form">
          <div style={{ display: "flex", gap: 12, flexWrap: "wrap" }}>
            <Field label={rm.year}>
              <input
                style={inputStyle}
                type="number"
                name="year"
                defaultValue={Number(today.slice(0, 4))}
                min={2000}
                max={2100}
              />
            </Field>
            <Field label={rm.employees}>
              <input
                style={inputStyle}
                type="number"
                name="employees"
                defaultValue={latest?.employees ?? 0}
                min={0}
              />
            </Field>
            <Field label={rm.revenue}>
              <input
                style={inputStyle}
                type="number"
                name="revenue"
                defaultValue={latest?.revenueFen == null ? undefined : fenText(latest.revenueFen, "wan")}
                min={0}
                step={0.01}
              />
            </Field>
            <Field label={rm.contactPhone}>
              <input style={inputStyle} name="contactPhone" defaultValue={host.contactPhone ?? ""} />
            </Field>
            <Field label={rm.address}>
              <input name="address" defaultValue={host.address ?? ""} style={{ ...inputStyle, width: 320 }} />
            </Field>
          </div>
        </ActionForm>
      </Card>
      <Card title={rm.myCorrections}>
        <CorrectionsTable
          testId="my-corrections"
          columns={[
            { key: "createdAt", title: rm.at },
            { key: "proposed", title: rm.proposed },
            { key: "state", title: rm.state },
            { key: "reason", title: rm.reason },
            { key: "actions", title: "" },
          ]}
          rows={corrections.map((c) => ({
            key: c.id,
            createdAt: formatChinaTime(c.createdAt, { minutes: true }),
            proposed: `${c.payload.year}:${rm.employees} ${c.payload.employees},${rm.revenue} ${formatFen(c.payload.revenueFen)},${rm.contactPhone} ${c.payload.contactPhone ?? "—"}`,
            state: rm.states[c.state] ?? c.state,
            reason: c.reason ?? "",
            actions: c.state === "pending" ? { action: "withdrawCorrection" as const, id: c.id } : null,
          }))}
        />
      </Card>
    </div>
  );
}
