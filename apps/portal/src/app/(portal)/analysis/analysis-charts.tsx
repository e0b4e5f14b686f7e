"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import ReactECharts from "echarts-for-react";
import { Card, Col, Row, Table } from "antd";
import { reportPageMessages as m } from "../reports/messages.ts";

interface Unit {
  orgId: number;
  name: string;
  hosts: number | null;
  orgCovered: number | null;
  orgCoverageRate: number | null;
  workCoverageRate: number | null;
  changePp: number | null;
  shouldEstablishNotEstablished: number | null;
}

interface TrendPoint {
  year: number;
  orgCoverageRate: number | null;
  workCoverageRate: number | null;
}

interface Props {
  drillBase: string;
  nodeId: number;
  units: Unit[];
  trend: TrendPoint[];
  ranking: Unit[];
}

/**
 * The legend above the plot (ECharts 6 puts it at the bottom, over the rotated unit names), the plot below
 * it with its axis labels inside its box: no label runs into the legend.
 */
const LEGEND = { data: [m.orgCoverageRate, m.workCoverageRate], top: 0, left: "center", type: "scroll" };
const GRID = { top: 40, left: 8, right: 16, bottom: 8, containLabel: true };

/** A unit's name under its bar, without what every unit's name shares (the tooltip names it in full). */
const shortName = (name: string) =>
  name.replace(/^中共/, "").replace(/(两新组织工作委员会|工作委员会|委员会)$/, "");

/** Coverage per unit (bar), the trend over the years (line), the ranking; every figure drills down. */
export function AnalysisCharts({ drillBase, nodeId, units, trend, ranking }: Props) {
  const router = useRouter();
  const drill = (rowOrgId: number | null, key: string, year?: number) =>
    `${year ? drillBase.replace(/year=\d+/, `year=${year}`) : drillBase}&key=${key}${rowOrgId !== null ? `&row=${rowOrgId}` : ""}`;
  const bar = {
    tooltip: { trigger: "axis" },
    legend: LEGEND,
    grid: GRID,
    xAxis: {
      type: "category",
      data: units.map((u) => u.name),
      axisLabel: { rotate: 30, interval: 0, formatter: shortName, width: 96, overflow: "truncate" },
    },
    yAxis: { type: "value", max: 100 },
    series: [
      { name: m.orgCoverageRate, type: "bar", data: units.map((u) => u.orgCoverageRate) },
      { name: m.workCoverageRate, type: "bar", data: units.map((u) => u.workCoverageRate) },
    ],
  };
  const line = {
    tooltip: { trigger: "axis" },
    legend: LEGEND,
    grid: GRID,
    xAxis: { type: "category", data: trend.map((t) => String(t.year)) },
    yAxis: { type: "value", max: 100 },
    series: [
      { name: m.orgCoverageRate, type: "line", data: trend.map((t) => t.orgCoverageRate) },
      { name: m.workCoverageRate, type: "line", data: trend.map((t) => t.workCoverageRate) },
    ],
  };
  const keyOf = (seriesName: string) => (seriesName === m.workCoverageRate ? "workCovered" : "orgCovered");
  const num = (v: number | null, href: string) => (v === null ? "—" : <Link href={href}>{v}</Link>);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card
          title={m.coverageByUnit}
          extra={<span style={{ fontSize: 12, color: "#999" }}>{m.chartHint}</span>}
        >
          <div data-testid="chart-units">
            <ReactECharts
              option={bar}
              style={{ height: 340 }}
              onEvents={{
                click: (p: { dataIndex: number; seriesName: string }) => {
                  const u = units[p.dataIndex];
                  if (u) router.push(drill(u.orgId, keyOf(p.seriesName)));
                },
              }}
            />
          </div>
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title={m.trend}>
          <div data-testid="chart-trend">
            <ReactECharts
              option={line}
              style={{ height: 340 }}
              onEvents={{
                click: (p: { dataIndex: number; seriesName: string }) => {
                  const t = trend[p.dataIndex];
                  if (t) router.push(drill(null, keyOf(p.seriesName), t.year));
                },
              }}
            />
          </div>
        </Card>
      </Col>
      <Col span={24}>
        <Card title={m.ranking}>
          <Table<Unit>
            data-testid="ranking-table"
            rowKey="orgId"
            size="small"
            pagination={false}
            dataSource={ranking}
            columns={[
              { title: m.rank, key: "rank", render: (_v, _r, i) => i + 1, width: 60 },
              {
                title: m.unit,
                dataIndex: "name",
                render: (name: string, r) =>
                  r.orgId === nodeId ? name : <Link href={`/analysis?node=${r.orgId}`}>{name}</Link>,
              },
              {
                title: m.hosts,
                dataIndex: "hosts",
                render: (v: number | null, r) => num(v, drill(r.orgId, "hosts")),
              },
              {
                title: m.orgCovered,
                dataIndex: "orgCovered",
                render: (v: number | null, r) => num(v, drill(r.orgId, "orgCovered")),
              },
              {
                title: m.orgCoverageRate,
                dataIndex: "orgCoverageRate",
                render: (v: number | null, r) => num(v, drill(r.orgId, "orgCoverageRate")),
              },
              {
                title: m.workCoverageRate,
                dataIndex: "workCoverageRate",
                render: (v: number | null, r) => num(v, drill(r.orgId, "workCovered")),
              },
              {
                title: m.changePp,
                dataIndex: "changePp",
                render: (v: number | null, r) => num(v, drill(r.orgId, "orgCovered")),
              },
              {
                title: m.notEstablished,
                dataIndex: "shouldEstablishNotEstablished",
                render: (v: number | null, r) => num(v, drill(r.orgId, "shouldEstablishNotEstablished")),
              },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
