import Link from "next/link";
import { Button, Card } from "antd";
import { FORMATION_MODE_LABELS, ORG_CATEGORY_LABELS } from "@liangxin/domain";
import { requireCaller } from "@/server/caller";
import { orNotFound, pageParam, str } from "@/server/guard";
import { filterParams, LIST_KEYS, orgFilter, type Search } from "@/server/list-filters";
import { CsvLink, FilterSelect } from "@/components/csv-link";
import { DataTable } from "@/components/data-table";
import { Field, inputStyle } from "@/components/field";
import { Pager } from "@/components/pager";
import { L } from "@/roles/labels";
import { rm } from "@/roles/messages";
import { lx } from "@/app/ledger-messages";

const entries = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export default async function OrgsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { caller } = await requireCaller();
  const sp = await searchParams;
  const filter = orgFilter(sp);
  const [data, refs] = await Promise.all([
    orNotFound(caller.orgs.list({ page: pageParam(sp.page), pageSize: 30, ...filter })),
    orNotFound(caller.orgs.references()),
  ]);
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 16 }}>
      <Card
        title={rm.nav.orgs}
        extra={
          <div style={{ display: "flex", gap: 8 }}>
            {data.areas[0] ? (
              <Link href={`/orgs/new?parent=${data.areas[0].id}`} data-testid="new-org-link">
                <Button type="primary">{lx.newOrg}</Button>
              </Link>
            ) : null}
            <CsvLink list="orgs" sp={sp} />
          </div>
        }
      >
        <form
          method="get"
          style={{ display: "flex", gap: 12, flexWrap: "wrap", alignItems: "flex-end" }}
          data-testid="list-filters"
        >
          <Field label={rm.keyword}>
            <input name="q" defaultValue={filter.q ?? ""} style={inputStyle} />
          </Field>
          {data.areas.length > 1 ? (
            <Field label={lx.area}>
              <FilterSelect
                name="area"
                value={str(sp.area)}
                options={data.areas.map((a) => ({ value: a.id, label: a.name }))}
                allLabel={rm.all}
                style={inputStyle}
              />
            </Field>
          ) : null}
          <Field label={lx.category}>
            <FilterSelect
              name="category"
              value={filter.category}
              options={entries(ORG_CATEGORY_LABELS)}
              allLabel={rm.all}
              style={inputStyle}
            />
          </Field>
          <Field label={lx.formationMode}>
            <FilterSelect
              name="mode"
              value={filter.formationMode}
              options={entries(FORMATION_MODE_LABELS)}
              allLabel={rm.all}
              style={inputStyle}
            />
          </Field>
          <button type="submit" style={inputStyle}>
            {rm.search}
          </button>
        </form>
        <Pager
          base="/orgs"
          params={filterParams(sp, LIST_KEYS.orgs)}
          page={data.page}
          pageSize={data.pageSize}
          total={data.total}
        />
        <DataTable
          testId="orgs-table"
          columns={[
            { key: "code", title: lx.orgCode },
            { key: "name", title: rm.name },
            { key: "category", title: rm.category },
            { key: "mode", title: rm.formationMode },
            { key: "parent", title: rm.parent },
            { key: "secretary", title: rm.secretary },
            { key: "members", title: rm.members },
            { key: "hosts", title: rm.hostsCovered },
          ]}
          rows={data.rows.map((o) => ({
            key: o.id,
            code: o.code,
            name: <Link href={`/orgs/${o.id}`}>{o.name}</Link>,
            category: L.category(o.category),
            mode: L.mode(o.formationMode),
            parent: o.parentName ?? "—",
            secretary: o.secretaryName ?? "—",
            members: o.members,
            hosts: o.coveredHosts,
          }))}
        />
      </Card>
      <Card title={rm.referenceOrgs}>
        <DataTable
          testId="reference-orgs"
          columns={[
            { key: "name", title: rm.name },
            { key: "mode", title: rm.formationMode },
            { key: "secretary", title: rm.secretary },
            { key: "reason", title: rm.access },
          ]}
          rows={refs.map((o) => ({
            key: o.id,
            name: <Link href={`/orgs/${o.id}`}>{o.name}</Link>,
            mode: L.mode(o.formationMode),
            secretary: o.secretaryName ?? "—",
            reason: o.reason === "covers" ? rm.reasonCovers : rm.reasonDual,
          }))}
        />
      </Card>
    </div>
  );
}
