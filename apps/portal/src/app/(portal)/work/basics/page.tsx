import Link from "next/link";
import { Card, Col, Row, Statistic } from "antd";
import { BASIC_LABELS, BASICS, type BasicsCount } from "@liangxin/domain";
import { CellTable, type Row as TableRow } from "@/components/data-table";
import { requirePage } from "@/server/caller";
import { BasicsChart } from "@/components/basics-chart";
import { basicsPageMessages as m } from "./messages.ts";

const pct = (n: number, of: number) => (of === 0 ? "—" : `${Math.round((n / of) * 1000) / 10}%`);
const figure = (c: BasicsCount, k: keyof BasicsCount["met"]) => `${c.met[k]}(${pct(c.met[k], c.orgs)})`;

/** 五个基本: the caller's grassroots organizations checked today, per subordinate unit, with drill-down. */
export default async function BasicsPage({ searchParams }: { searchParams: Promise<{ unit?: string }> }) {
  const sp = await searchParams;
  const { caller } = await requirePage("/work/basics");
  const board = await caller.basics.board();
  const unit = board.byChild.find((c) => String(c.orgId) === sp.unit) ?? null;
  const rows = unit ? board.rows.filter((r) => r.unitId === unit.orgId) : board.rows;
  const count = unit?.count ?? board.total;
  return (
    <div>
      <h2>{m.title}</h2>
      <div style={{ color: "#666", marginBottom: 12 }}>
        {m.intro}
        {m.asOf(board.on)}
      </div>
      <div style={{ marginBottom: 12 }}>
        <Link href="/work/basics/venues" data-testid="shared-venues-link">
          {m.sharedVenuesLink}
        </Link>
      </div>
      <Card size="small" style={{ marginBottom: 16 }} title={unit ? unit.name : m.allUnits}>
        <Row gutter={[16, 8]}>
          <Col xs={12} md={4}>
            <Statistic title={m.orgs} value={count.orgs} data-testid="basics-orgs" />
          </Col>
          {[...BASICS, "all" as const].map((k) => (
            <Col xs={12} md={k === "all" ? 5 : 3} key={k}>
              <Statistic
                title={k === "all" ? m.allFive : BASIC_LABELS[k]}
                value={figure(count, k)}
                data-testid={`basics-met-${k}`}
              />
            </Col>
          ))}
        </Row>
        <BasicsChart count={count} />
      </Card>
      {board.byChild.length > 0 ? (
        <Card size="small" title={m.byChild} style={{ marginBottom: 16 }}>
          <CellTable
            testId="basics-units"
            columns={[
              { key: "unit", title: m.unit },
              { key: "orgs", title: m.orgs },
              ...BASICS.map((b) => ({ key: b, title: BASIC_LABELS[b] })),
              { key: "all", title: m.allFive },
            ]}
            rows={board.byChild.map((c): TableRow => ({
              key: c.orgId,
              unit: { link: `/work/basics?unit=${c.orgId}`, text: c.name },
              orgs: c.count.orgs,
              ...Object.fromEntries([...BASICS, "all" as const].map((k) => [k, figure(c.count, k)])),
            }))}
          />
          {unit ? (
            <div style={{ marginTop: 8 }}>
              <Link href="/work/basics">{m.allUnits}</Link>
            </div>
          ) : null}
        </Card>
      ) : null}
      <Card size="small" title={m.rows}>
        <CellTable
          testId="basics-rows"
          pageSize={50}
          columns={[
            { key: "org", title: m.org },
            ...BASICS.map((b) => ({ key: b, title: BASIC_LABELS[b] })),
            { key: "reasons", title: m.reasons },
          ]}
          rows={rows.map((r): TableRow => ({
            key: r.orgId,
            org: { link: `/work/basics/${r.orgId}`, text: r.orgName },
            ...Object.fromEntries(
              BASICS.map((b) => [
                b,
                r.check[b].ok ? { tag: m.holds, color: "green" } : { tag: m.fails, color: "red" },
              ]),
            ),
            reasons: BASICS.flatMap((b) => r.check[b].reasons).join(";") || m.none,
          }))}
        />
      </Card>
    </div>
  );
}
