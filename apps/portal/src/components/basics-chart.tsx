"use client";

import ReactECharts from "echarts-for-react";
import { BASIC_LABELS, BASICS, type BasicsCount } from "@liangxin/domain";

const m = { allFive: "五项全部达到", share: "达标率" } as const;

const share = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 1000) / 10);

/** The share of organizations meeting each basic and all five: one bar per basic for the node. */
export function BasicsChart({ count, height = 220 }: { count: BasicsCount; height?: number }) {
  const keys = [...BASICS, "all"] as const;
  const labels = keys.map((k) => (k === "all" ? m.allFive : BASIC_LABELS[k]));
  return (
    <div data-testid="basics-chart">
      <ReactECharts
        style={{ height }}
        option={{
          tooltip: { trigger: "axis", valueFormatter: (v: number) => `${v}%` },
          grid: { top: 16, left: 8, right: 16, bottom: 8, containLabel: true },
          xAxis: { type: "category", data: labels },
          yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
          series: [
            {
              name: m.share,
              type: "bar",
              data: keys.map((k) => share(count.met[k], count.orgs)),
              label: { show: true, position: "top", formatter: "{c}%" },
            },
          ],
        }}
      />
    </div>
  );
}
