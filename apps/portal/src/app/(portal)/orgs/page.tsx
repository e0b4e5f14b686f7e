import Link from "next/link";
import { Card } from "antd";
import { ORG_CATEGORY_LABELS } from "@liangxin/domain";
import { requireCaller } from "@/server/caller";
import { orNotFound, pageParam, str } from "@/server/guard";
import { DataTable } from "@/components/data-table";
import { Field, inputStyle } from "@/components/field";
import { Pager } from "@/components/pager";
import { L } from "@/roles/labels";
import { rm } from "@/roles/messages";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function OrgsPage({ searchParams }: { searchParams: Search }) {
  const { caller } = await requireCaller();
  const sp = await searchParams;
  const q = str(sp.q);
  const category = str(sp.category);
  const page = pageParam(sp.page);
  const [data, refs] = await Promise.all([
    orNotFound(
      caller.orgs.list({ page, pageSize: 30, ...(q ? { q } : {}), ...(category ? { category } : {}) }),
    ),
    orNotFound(caller.orgs.references()),
  ]);
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 16 }}>
      <Card title={rm.nav.orgs}>
        <form method="get" style={{ display: "flex", gap: 12, flexWrap: "wrap", alignItems: "flex-end" }}>
          <Field label={rm.keyword}>
            <input name="q" defaultValue={q ?? ""} style={inputStyle} />
          </Field>
          <Field label={rm.category}>
            <select name="category" defaultValue={category ?? ""} style={inputStyle}>
              <option value="">{rm.all}</option>
              {Object.entries(ORG_CATEGORY_LABELS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit" style={inputStyle}>
            {rm.search}
          </button>
        </form>
        <Pager
          base="/orgs"
          params={{ q, category }}
          page={data.page}
          pageSize={data.pageSize}
          total={data.total}
        />
        <DataTable
          testId="orgs-table"
          columns={[
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
