import Link from "next/link";
import { Button, Card } from "antd";
import { MEMBER_FLAG_LABELS, MEMBER_SORTS, MEMBER_STATUS_LABELS } from "@liangxin/domain";
import { requirePage } from "@/server/caller";
import { orNotFound, orNull, pageParam, pageSizeParam, str } from "@/server/guard";
import { filterParams, LIST_KEYS, memberFilter, type Search } from "@/server/list-filters";
import { DataTable } from "@/components/data-table";
import { labelOptions, ListActions, ListFilters } from "@/components/list-filters";
import { Pager } from "@/components/pager";
import { CountNote } from "@/components/count-note";
import { Field } from "@/components/field";
import { NamedRecordPicker } from "@/components/form-kit";
import { L } from "@/roles/labels";
import { rm } from "@/roles/messages";
import { lx } from "@/app/ledger-messages";

export default async function MembersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { caller } = await requirePage("/members");
  const sp = await searchParams;
  const filter = memberFilter(sp);
  const [data, org] = await Promise.all([
    orNotFound(
      caller.members.list({ page: pageParam(sp.page), pageSize: pageSizeParam(sp.size, 30), ...filter }),
    ),
    filter.orgId ? orNull(caller.orgs.get({ id: filter.orgId })) : null,
  ]);
  return (
    <Card
      title={rm.nav.members}
      extra={
        <ListActions list="members" sp={sp}>
          <Link href="/members/transfers" data-testid="transfers-link">
            <Button>{lx.transfers}</Button>
          </Link>
        </ListActions>
      }
    >
      <ListFilters
        keywordLabel={lx.memberKeyword}
        q={filter.q}
        areas={data.areas}
        area={str(sp.area)}
        selects={[
          {
            name: "status",
            label: lx.status,
            value: filter.status,
            options: labelOptions(MEMBER_STATUS_LABELS),
          },
          {
            name: "membership",
            label: lx.membership,
            value: filter.membership,
            options: [
              { value: "full", label: lx.full },
              { value: "probationary", label: lx.probationary },
            ],
          },
          {
            name: "flag",
            label: rm.memberFlag,
            value: filter.flag,
            options: labelOptions(MEMBER_FLAG_LABELS),
          },
          {
            name: "sort",
            label: rm.sortBy,
            value: filter.sort,
            options: MEMBER_SORTS.filter((s) => s !== "org").map((s) => ({
              value: s,
              label: rm.memberSorts[s]!,
            })),
          },
        ]}
      >
        <Field label={rm.holdingOrg}>
          <NamedRecordPicker
            name="org"
            kind="org"
            initial={org ? { id: org.id, name: org.name } : null}
            ariaLabel={rm.holdingOrg}
            testId="filter-org"
            width={280}
          />
        </Field>
      </ListFilters>
      {data.countedOnly > 0 ? (
        <CountNote
          testId="members-count-explained"
          text={rm.countedExplained(data.total, data.countedOnly)}
        />
      ) : null}
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
          { key: "joinedOn", title: rm.joinedOn },
          { key: "full", title: rm.full },
          { key: "flags", title: rm.flags },
          { key: "status", title: rm.status },
        ]}
        rows={data.rows.map((m, i) => ({
          key: m.id ?? `counted-${i}`,
          name: m.id ? { link: `/members/${m.id}`, text: m.name } : m.name,
          gender: L.gender(m.gender),
          id: m.idNumberMasked,
          org: m.access === "counted" ? rm.countedRow : (m.orgName ?? "—"),
          work: m.workHostName ?? "—",
          joinedOn: m.joinedOn ?? "—",
          full: m.full ? rm.fullYes : rm.fullNo,
          flags: m.flags.map((f) => MEMBER_FLAG_LABELS[f]).join("、") || "—",
          status: L.status(m.status),
        }))}
      />
    </Card>
  );
}
