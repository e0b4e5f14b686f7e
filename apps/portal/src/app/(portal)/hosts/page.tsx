import Link from "next/link";
import { Button, Card } from "antd";
import { requirePage } from "@/server/caller";
import { orNotFound, pageParam, pageSizeParam, str } from "@/server/guard";
import { PlainTable } from "@/components/plain-table";
import { Field, inputStyle } from "@/components/field";
import { Pager } from "@/components/pager";
import { CountNote } from "@/components/count-note";
import { ListActions } from "@/components/list-filters";
import { hostFilter } from "@/server/list-filters";
import { HOST_SORTS, INDUSTRY_SECTION_LABELS, industryLabel } from "@liangxin/domain";
import { L } from "@/roles/labels";
import { rm } from "@/roles/messages";
import { ledgerMessages as lm } from "./messages.ts";
import { sheetMessages as sm } from "./_sheet/messages.ts";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function HostsPage({ searchParams }: { searchParams: Search }) {
  const { caller, me } = await requirePage("/hosts");
  const sp = await searchParams;
  const filter = hostFilter(sp);
  const { q, kind, coverage, industry, sort } = filter;
  const sene = filter.shouldEstablish === true;
  const above = filter.aboveScale === true;
  const withMembers = filter.withMembers === true;
  const data = await orNotFound(
    caller.hosts.list({ page: pageParam(sp.page), pageSize: pageSizeParam(sp.size, 20), ...filter }),
  );
  const canCreate = me.role === "admin" && data.regions.some((r) => r.level === "township");
  return (
    <Card
      title={rm.nav.hosts}
      extra={
        <ListActions list="hosts" sp={sp}>
          {me.hasTerritory ? (
            <Link href="/hosts/sheets" data-testid="host-sheets-link">
              <Button>{sm.printBatch}</Button>
            </Link>
          ) : null}
          {canCreate ? (
            <Link href="/hosts/new" data-testid="new-host-link">
              <Button type="primary">{lm.newHost}</Button>
            </Link>
          ) : null}
        </ListActions>
      }
    >
      <form method="get" style={{ display: "flex", gap: 12, flexWrap: "wrap", alignItems: "flex-end" }}>
        <Field label={rm.keyword}>
          <input name="q" defaultValue={q ?? ""} style={inputStyle} />
        </Field>
        {data.regions.length > 0 ? (
          <Field label={rm.region}>
            <select name="region" defaultValue={str(sp.region) ?? ""} style={inputStyle}>
              <option value="">{rm.all}</option>
              {data.regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field label={rm.kind}>
          <select name="kind" defaultValue={kind ?? ""} style={inputStyle}>
            <option value="">{rm.all}</option>
            <option value="enterprise">{L.kind("enterprise")}</option>
            <option value="socialOrg">{L.kind("socialOrg")}</option>
          </select>
        </Field>
        <Field label={rm.coverage}>
          <select name="coverage" defaultValue={coverage ?? ""} style={inputStyle}>
            <option value="">{rm.all}</option>
            <option value="covered">{rm.covered}</option>
            <option value="uncovered">{rm.uncovered}</option>
          </select>
        </Field>
        <Field label={rm.industry}>
          <select
            name="industry"
            defaultValue={industry ?? ""}
            style={inputStyle}
            data-testid="filter-industry"
          >
            <option value="">{rm.all}</option>
            {Object.entries(INDUSTRY_SECTION_LABELS).map(([code, label]) => (
              <option key={code} value={code}>
                {code} {label}
              </option>
            ))}
          </select>
        </Field>
        <Field label={rm.sortBy}>
          <select name="sort" defaultValue={sort ?? ""} style={inputStyle} data-testid="filter-sort">
            {HOST_SORTS.map((s) => (
              <option key={s} value={s === "region" ? "" : s}>
                {rm.hostSorts[s]}
              </option>
            ))}
          </select>
        </Field>
        <label style={{ display: "flex", gap: 4, alignItems: "center" }}>
          <input type="checkbox" name="sene" value="1" defaultChecked={sene} />
          {rm.shouldEstablishOnly}
        </label>
        <label style={{ display: "flex", gap: 4, alignItems: "center" }}>
          <input type="checkbox" name="above" value="1" defaultChecked={above} data-testid="filter-above" />
          {rm.aboveScaleOnly}
        </label>
        <label style={{ display: "flex", gap: 4, alignItems: "center" }}>
          <input
            type="checkbox"
            name="withMembers"
            value="1"
            defaultChecked={withMembers}
            data-testid="filter-with-members"
          />
          {rm.withMembersOnly}
        </label>
        <button type="submit" style={inputStyle}>
          {rm.search}
        </button>
      </form>
      <CountNote
        testId="hosts-count-explained"
        text={rm.hostsExplained(data.total, data.inTerritory, data.regions.length > 0)}
      />
      <Pager
        base="/hosts"
        params={{
          q,
          region: str(sp.region),
          kind,
          coverage,
          sene: sene ? "1" : undefined,
          above: above ? "1" : undefined,
          withMembers: withMembers ? "1" : undefined,
          industry,
          sort,
        }}
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
      />
      <PlainTable
        testId="hosts-table"
        columns={[
          { key: "name", title: rm.name },
          { key: "code", title: rm.creditCode },
          { key: "kind", title: rm.kind },
          { key: "region", title: rm.region },
          { key: "industry", title: rm.industry },
          { key: "foundedOn", title: rm.foundedOn },
          { key: "covering", title: rm.coveringOrg },
          { key: "access", title: rm.access },
        ]}
        rows={data.rows.map((h) => ({
          key: h.id,
          name: { link: `/hosts/${h.id}`, text: h.name },
          code: h.creditCode,
          kind: L.kind(h.kind),
          region: h.regionName,
          industry: industryLabel(h.industry),
          foundedOn: h.foundedOn,
          covering: h.coveringOrgName ?? rm.uncovered,
          access: rm.accessLabels[h.access] ?? "—",
        }))}
      />
    </Card>
  );
}
