import Link from "next/link";
import { Button, Card } from "antd";
import { MEMBER_STATUS_LABELS } from "@liangxin/domain";
import { requireCaller } from "@/server/caller";
import { orNotFound, pageParam, str } from "@/server/guard";
import { filterParams, LIST_KEYS, memberFilter, type Search } from "@/server/list-filters";
import { CsvLink, FilterSelect } from "@/components/csv-link";
import { DataTable } from "@/components/data-table";
import { Field, inputStyle } from "@/components/field";
import { Pager } from "@/components/pager";
import { L } from "@/roles/labels";
import { rm } from "@/roles/messages";
import { lx } from "@/app/ledger-messages";

export default async function MembersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { caller } = await requireCaller();
  const sp = await searchParams;
  const filter = memberFilter(sp);
  const data = await orNotFound(caller.members.list({ page: pageParam(sp.page), pageSize: 30, ...filter }));
  return (
    <Card
      title={rm.nav.members}
      extra={
        <div style={{ display: "flex", gap: 8 }}>
          <Link href="/members/transfers" data-testid="transfers-link">
            <Button>{lx.transfers}</Button>
          </Link>
          <CsvLink list="members" sp={sp} />
        </div>
      }
    >
      <form
        method="get"
        style={{ display: "flex", gap: 12, flexWrap: "wrap", alignItems: "flex-end" }}
        data-testid="list-filters"
      >
        <Field label={lx.memberKeyword}>
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
        <Field label={lx.status}>
          <FilterSelect
            name="status"
            value={filter.status}
            options={Object.entries(MEMBER_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
            allLabel={rm.all}
            style={inputStyle}
          />
        </Field>
        <Field label={lx.membership}>
          <FilterSelect
            name="membership"
            value={filter.membership}
            options={[
              { value: "full", label: lx.full },
              { value: "probationary", label: lx.probationary },
            ]}
            allLabel={rm.all}
            style={inputStyle}
          />
        </Field>
        {filter.orgId ? <input type="hidden" name="org" value={filter.orgId} /> : null}
        <button type="submit" style={inputStyle}>
          {rm.search}
        </button>
      </form>
      <Pager
        base="/members"
        params={filterParams(sp, LIST_KEYS.members)}
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
