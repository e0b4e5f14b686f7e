import Link from "next/link";
import { Button, Card } from "antd";
import { FORMATION_MODE_LABELS, ORG_CATEGORY_LABELS, ORG_SORTS } from "@liangxin/domain";
import { requirePage } from "@/server/caller";
import { orNotFound, pageParam, pageSizeParam, str } from "@/server/guard";
import { filterParams, LIST_KEYS, orgFilter, type Search } from "@/server/list-filters";
import { DataTable } from "@/components/data-table";
import { labelOptions, ListActions, ListFilters } from "@/components/list-filters";
import { Pager } from "@/components/pager";
import { CountNote } from "@/components/count-note";
import { L } from "@/roles/labels";
import { rm } from "@/roles/messages";
import { lx } from "@/app/ledger-messages";

export default async function OrgsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { caller } = await requirePage("/orgs");
  const sp = await searchParams;
  const filter = orgFilter(sp);
  const [data, refs] = await Promise.all([
    orNotFound(
      caller.orgs.list({ page: pageParam(sp.page), pageSize: pageSizeParam(sp.size, 30), ...filter }),
    ),
    orNotFound(caller.orgs.references()),
  ]);
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 16 }}>
      <Card
        title={rm.nav.orgs}
        extra={
          <ListActions list="orgs" sp={sp}>
            {data.areas[0] ? (
              <Link href={`/orgs/new?parent=${data.areas[0].id}`} data-testid="new-org-link">
                <Button type="primary">{lx.newOrg}</Button>
              </Link>
            ) : null}
          </ListActions>
        }
      >
        <ListFilters
          keywordLabel={rm.keyword}
          q={filter.q}
          areas={data.areas}
          area={str(sp.area)}
          selects={[
            {
              name: "category",
              label: lx.category,
              value: filter.category,
              options: labelOptions(ORG_CATEGORY_LABELS),
            },
            {
              name: "mode",
              label: lx.formationMode,
              value: filter.formationMode,
              options: labelOptions(FORMATION_MODE_LABELS),
            },
            {
              name: "sort",
              label: rm.sortBy,
              value: filter.sort,
              options: ORG_SORTS.filter((s) => s !== "tree").map((s) => ({
                value: s,
                label: rm.orgSorts[s]!,
              })),
            },
          ]}
        />
        <CountNote testId="orgs-count-explained" text={rm.orgsExplained(data.total, data.grassroots)} />
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
            name: { link: `/orgs/${o.id}`, text: o.name },
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
            name: { link: `/orgs/${o.id}`, text: o.name },
            mode: L.mode(o.formationMode),
            secretary: o.secretaryName ?? "—",
            reason: o.reason === "covers" ? rm.reasonCovers : rm.reasonDual,
          }))}
        />
      </Card>
    </div>
  );
}
