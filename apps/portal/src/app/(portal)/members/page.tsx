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

export default async function MembersPage({ searchParams }: { searchParams: Search }) {
  const { caller } = await requireCaller();
  const sp = await searchParams;
  const q = str(sp.q);
  const org = Number(str(sp.org) ?? NaN);
  const page = pageParam(sp.page);
  const data = await orNotFound(
    caller.members.list({
      page,
      pageSize: 30,
      ...(q ? { q } : {}),
      ...(Number.isInteger(org) && org > 0 ? { orgId: org } : {}),
    }),
  );
  return (
    <Card title={rm.nav.members}>
      <form method="get" style={{ display: "flex", gap: 12, alignItems: "flex-end" }}>
        <Field label={rm.memberName}>
          <input name="q" defaultValue={q ?? ""} style={inputStyle} />
        </Field>
        {str(sp.org) ? <input type="hidden" name="org" value={str(sp.org)} /> : null}
        <button type="submit" style={inputStyle}>
          {rm.search}
        </button>
      </form>
      <Pager
        base="/members"
        params={{ q, org: str(sp.org) }}
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
      />
      <DataTable
        testId="members-table"
        columns={[
          { key: "name", title: rm.memberName },
          { key: "gender", title: rm.gender },
          { key: "id", title: rm.idNumber },
          { key: "org", title: rm.holdingOrg },
          { key: "work", title: rm.workplace },
          { key: "full", title: rm.full },
          { key: "status", title: rm.status },
        ]}
        rows={data.rows.map((m, i) => ({
          key: m.id ?? `counted-${i}`,
          name: m.id ? (
            <Link href={`/members/${m.id}`}>{m.name}</Link>
          ) : (
            <span data-counted="1">{m.name}</span>
          ),
          gender: L.gender(m.gender),
          id: m.idNumberMasked,
          org: m.access === "counted" ? rm.countedRow : (m.orgName ?? "—"),
          work: m.workHostName ?? "—",
          full: m.full ? rm.fullYes : rm.fullNo,
          status: L.status(m.status),
        }))}
      />
    </Card>
  );
}
