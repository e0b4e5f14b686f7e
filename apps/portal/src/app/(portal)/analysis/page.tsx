import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { clock } from "@liangxin/domain";
import { requirePage } from "@/server/caller";
import { reportPageMessages as m } from "../reports/messages.ts";
import { reportYearChoices } from "../reports/years.ts";
import { AnalysisCharts } from "./analysis-charts.tsx";

export const dynamic = "force-dynamic";

export default async function AnalysisPage({
  searchParams,
}: {
  searchParams: Promise<{ year?: string; node?: string }>;
}) {
  const sp = await searchParams;
  const year = sp.year && /^\d{4}$/.test(sp.year) ? Number(sp.year) : Number(clock.today().slice(0, 4));
  const nodeId = sp.node && /^\d+$/.test(sp.node) ? Number(sp.node) : undefined;
  const { caller } = await requirePage("/analysis");
  let data;
  try {
    data = await caller.report.analysis({ year, ...(nodeId ? { nodeId } : {}) });
  } catch (e) {
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) notFound();
    throw e;
  }
  const drillBase = `/analysis/drill?node=${data.node.id}&year=${year}`;
  return (
    <div data-testid="analysis-page">
      <h2>{m.analysisTitle(data.node.name, year)}</h2>
      <div style={{ marginBottom: 12 }}>
        {m.yearLabel}:
        {reportYearChoices().map((y) => (
          <Link
            key={y}
            href={`/analysis?year=${y}${nodeId ? `&node=${nodeId}` : ""}`}
            style={{ marginLeft: 8, fontWeight: y === year ? 700 : 400 }}
            data-testid="year-choice"
          >
            {y}
          </Link>
        ))}
      </div>
      <AnalysisCharts
        drillBase={drillBase}
        units={data.units}
        trend={data.trend}
        ranking={data.ranking}
        nodeId={data.node.id}
      />
    </div>
  );
}
