import Link from "next/link";
import { Button, Card } from "antd";
import { INSTRUCTOR_KIND_LABELS, INSTRUCTOR_SORTS } from "@liangxin/domain";
import { requirePage } from "@/server/caller";
import { orNotFound, pageParam, pageSizeParam, str } from "@/server/guard";
import { filterParams, instructorFilter, LIST_KEYS, type Search } from "@/server/list-filters";
import { DataTable } from "@/components/data-table";
import { labelOptions, ListActions, ListFilters } from "@/components/list-filters";
import { Pager } from "@/components/pager";
import { CountNote } from "@/components/count-note";
import { L } from "@/roles/labels";
import { rm } from "@/roles/messages";
import { lx } from "@/app/ledger-messages";

export default async function InstructorsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { caller, me } = await requirePage("/instructors");
  const sp = await searchParams;
  const filter = instructorFilter(sp);
  const data = await orNotFound(
    caller.instructors.list({ page: pageParam(sp.page), pageSize: pageSizeParam(sp.size, 30), ...filter }),
  );
  return (
    <Card
      title={rm.nav.instructors}
      extra={
        <ListActions list="instructors" sp={sp}>
          {me.role === "admin" ? (
            <Link href="/instructors/new" data-testid="new-instructor-link">
              <Button type="primary">{lx.newInstructor}</Button>
            </Link>
          ) : null}
        </ListActions>
      }
    >
      <ListFilters
        keywordLabel={lx.instructorKeyword}
        q={filter.q}
        areas={data.areas}
        area={str(sp.area)}
        selects={[
          {
            name: "kind",
            label: lx.instructorKind,
            value: filter.kind,
            options: labelOptions(INSTRUCTOR_KIND_LABELS),
          },
          {
            name: "activity",
            label: lx.activity,
            value: filter.activity,
            options: [
              { value: "active", label: lx.active },
              { value: "idle", label: lx.idle },
            ],
          },
          {
            name: "sort",
            label: rm.sortBy,
            value: filter.sort,
            options: INSTRUCTOR_SORTS.filter((s) => s !== "number").map((s) => ({
              value: s,
              label: rm.instructorSorts[s]!,
            })),
          },
        ]}
      />
      <CountNote
        testId="instructors-count-explained"
        text={rm.instructorsExplained(data.total, data.servingTerritory)}
      />
      <Pager
        base="/instructors"
        params={filterParams(sp, LIST_KEYS.instructors)}
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
          name: { link: `/instructors/${i.id}`, text: i.name },
          kind: L.instructorKind(i.kind),
          dispatch: i.dispatchName ?? "—",
          registered: i.registeredByName,
          hosts: i.activeHosts,
          access: rm.accessLabels[i.access] ?? "—",
        }))}
      />
    </Card>
  );
}
