import { formatFen, industryLabel } from "@liangxin/domain";
import Link from "next/link";
import { Alert, Card, Descriptions } from "antd";
import { requirePage } from "@/server/caller";
import { idParam, orNotFound, orWhenDenied } from "@/server/guard";
import { ActionForm } from "@/components/action-form";
import { DataTable } from "@/components/data-table";
import { Field, inputStyle } from "@/components/field";
import { updateContactAction } from "@/roles/actions";
import { L } from "@/roles/labels";
import { rm } from "@/roles/messages";
import { EditHostForm, SetCoverageForm } from "../ledger-forms.tsx";
import { sheetMessages as sm } from "../_sheet/messages.ts";
import { TrainingHistory } from "../../work/training/history.tsx";
import { CadreNotes } from "@/roles/cadre-notes";

export default async function HostPage({ params }: { params: Promise<{ id: string }> }) {
  const { caller, me } = await requirePage("/hosts");
  const host = await orNotFound(caller.hosts.get({ id: idParam((await params).id) }));
  const figures = (
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
  );
  if (host.access === "reference")
    return (
      <Card title={`${rm.hostDetail}:${host.name}`} data-testid="host-detail">
        <Alert type="info" showIcon title={rm.referenceNotice} style={{ marginBottom: 16 }} />
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={rm.creditCode}>{host.creditCode}</Descriptions.Item>
          <Descriptions.Item label={rm.kind}>{L.kind(host.kind)}</Descriptions.Item>
          <Descriptions.Item label={rm.region}>{host.regionName}</Descriptions.Item>
        </Descriptions>
        {figures}
      </Card>
    );
  const editor = host.access === "edit" && me.role === "admin";
  const opts = editor ? await caller.hosts.formOptions().catch(() => null) : null;
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 16 }}>
      <Card
        title={`${rm.hostDetail}:${host.name}`}
        data-testid="host-detail"
        extra={
          // 一企一表: hosts of the caller's territory (an owner's own host has none).
          host.access === "edit" ? (
            <Link href={`/hosts/${host.id}/sheet`} data-testid="host-sheet-link">
              {sm.printSheet}
            </Link>
          ) : null
        }
      >
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={rm.creditCode}>{host.creditCode}</Descriptions.Item>
          <Descriptions.Item label={rm.kind}>{L.kind(host.kind)}</Descriptions.Item>
          <Descriptions.Item label={rm.region}>{host.regionName}</Descriptions.Item>
          <Descriptions.Item label={rm.industry}>{industryLabel(host.industry)}</Descriptions.Item>
          <Descriptions.Item label={rm.foundedOn}>{host.foundedOn}</Descriptions.Item>
          <Descriptions.Item label={rm.closedOn}>{L.date(host.closedOn)}</Descriptions.Item>
          <Descriptions.Item label={rm.ownerName}>{host.ownerName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={rm.ownerIsMember}>
            {host.ownerIsMember ? rm.yes : rm.no}
          </Descriptions.Item>
          <Descriptions.Item label={rm.access}>{rm.accessLabels[host.access]}</Descriptions.Item>
          <Descriptions.Item label={rm.coveringOrg}>
            {host.covering ? (
              host.covering.linkable ? (
                <Link href={`/orgs/${host.covering.id}`}>{host.covering.name}</Link>
              ) : (
                host.covering.name
              )
            ) : (
              rm.uncovered
            )}
          </Descriptions.Item>
          <Descriptions.Item label={rm.formationMode}>
            {L.mode(host.covering?.formationMode ?? null)}
          </Descriptions.Item>
          <Descriptions.Item label={rm.secretary}>{host.covering?.secretaryName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={rm.instructor}>
            {host.instructors.length ? host.instructors.map((i) => i.name).join("、") : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={rm.membersWorking}>
            {rm.membersCounts(
              host.membersWorking.total,
              host.membersWorking.full,
              host.membersWorking.probationary,
            )}
          </Descriptions.Item>
          <Descriptions.Item label={rm.aboveScale}>{host.aboveScale ? rm.yes : rm.no}</Descriptions.Item>
          <Descriptions.Item label={rm.shouldEstablishOnly}>
            {host.shouldEstablishNotEstablished ? rm.yes : rm.no}
          </Descriptions.Item>
          <Descriptions.Item label={rm.massOrgs}>
            {rm.unionOn} {host.unionOn ?? rm.notSet};{rm.youthOn} {host.youthLeagueOn ?? rm.notSet};
            {rm.womenOn} {host.womenOn ?? rm.notSet}
          </Descriptions.Item>
          <Descriptions.Item label={rm.contactPhone}>{host.contactPhone ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={rm.address}>{host.address ?? "—"}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={rm.figures}>{figures}</Card>
      <CadreNotes caller={caller} hostId={host.id} />
      {editor && opts ? <EditHostForm host={host} townships={opts.townships} /> : null}
      {editor && opts && opts.coveringOrgs.length > 0 ? (
        <SetCoverageForm hostId={host.id} orgs={opts.coveringOrgs} today={opts.today} />
      ) : null}
      {editor ? (
        <Card title={rm.updateContact}>
          <ActionForm action={updateContactAction} submitLabel={rm.save} testId="contact-form">
            <input type="hidden" name="id" value={host.id} />
            <input type="hidden" name="version" value={host.version} />
            <div style={{ display: "flex", gap: 12, flexWrap: "wrap" }}>
              <Field label={rm.contactPhone}>
                <input name="contactPhone" defaultValue={host.contactPhone ?? ""} style={inputStyle} />
              </Field>
              <Field label={rm.address}>
                <input
                  name="address"
                  defaultValue={host.address ?? ""}
                  style={{ ...inputStyle, width: 360 }}
                />
              </Field>
            </div>
          </ActionForm>
        </Card>
      ) : null}
      {me.role === "owner" || !host.ownerName ? null : (
        <TrainingHistory
          title={`出资人${host.ownerName}的培训经历`}
          rows={await orWhenDenied(caller.training.history({ hostId: host.id }), [])}
        />
      )}
    </div>
  );
}
