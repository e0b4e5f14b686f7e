import Link from "next/link";
import { Card } from "antd";
import { requireCaller } from "@/server/caller";
import { orNotFound, pageParam, str } from "@/server/guard";
import { DataTable } from "@/components/data-table";
import { Field, inputStyle } from "@/components/field";
import { Pager } from "@/components/pager";
import { L } from "@/roles/labels";
import { rm } from "@/roles/messages";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function InstructorsPage({ searchParams }: { searchParams: Search }) {
  const { caller } = await requireCaller();
  const sp = await searchParams;
  const q = str(sp.q);
  const data = await orNotFound(
    caller.instructors.list({ page: pageParam(sp.page), pageSize: 30, ...(q ? { q } : {}) }),
  );
  return (
    <Card title={rm.nav.instructors}>
      <form method="get" style={{ display: "flex", gap: 12, alignItems: "flex-end" }}>
        <Field label={rm.keyword}>
          <input name="q" defaultValue={q ?? ""} style={inputStyle} />
        </Field>
        <button type="submit" style={inputStyle}>
          {rm.search}
        </button>
      </form>
      <Pager
        base="/instructors"
        params={{ q }}
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
      />
      <DataTable
        testId="instructors-table"
        columns={[
          { key: "number", title: rm.number },
          { key: "name", title: rm.memberName },
          { key: "kind", title: rm.kind },
          { key: "dispatch", title: rm.dispatch },
          { key: "registered", title: rm.registeredBy },
          { key: "hosts", title: rm.activeHosts },
          { key: "access", title: rm.access },
        ]}
        rows={data.rows.map((i) => ({
          key: i.id,
          number: i.number,
          name: <Link href={`/instructors/${i.id}`}>{i.name}</Link>,
          kind: L.instructorKind(i.kind),
          dispatch: i.dispatchName ?? "—",
          registered: i.registeredByName,
          hosts: i.activeHosts,
          access: rm.accessLabels[i.access],
        }))}
      />
    </Card>
  );
}
