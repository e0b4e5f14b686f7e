import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { AUDIT_ACTION_LABELS } from "@liangxin/api";
import {
  ANNEX_COLUMN_GROUPS,
  BASICS_ANNEX_COLUMNS,
  BASICS_ANNEX_MET_LABEL,
  basicsAnnexValue,
  REPORT_COLUMN_GROUPS,
  REPORT_COLUMNS,
  REPORT_SIGNATURE_LABELS,
  formatRateChange,
  indicatorValue,
  reportSignature,
} from "@liangxin/core/reports";
import { type Indicators, TOTAL_ROW_NAME, formatChinaTime } from "@liangxin/domain";
import { requirePage } from "@/server/caller";
import { reportPageMessages as m } from "../messages.ts";
import { ReportActions } from "./report-actions.tsx";
import { PrintButton } from "./print-button.tsx";
import { ReportPreparing } from "./report-preparing.tsx";
import { reportYearChoices } from "../years.ts";

export const dynamic = "force-dynamic";

const PRINT_CSS = `
.report-table { border-collapse: collapse; font-size: 12px; background: #fff; width: 100%; }
.report-table th, .report-table td { border: 1px solid #999; padding: 2px 4px; }
.report-table th { background: #f2f2f2; font-weight: 600; text-align: center; }
.report-table td.num { text-align: right; white-space: nowrap; }
.report-table tr.total td { font-weight: 700; background: #fafafa; }
.report-table a { color: inherit; text-decoration: none; }
.report-table a:hover { text-decoration: underline; color: #c8161d; }
.report-wrap { overflow-x: auto; }
.report-signature { display: grid; grid-template-columns: repeat(4, auto); justify-content: space-between;
  gap: 8px 24px; margin: 16px 0; font-size: 14px; }
.report-signature .sign-line { display: inline-block; min-width: 8em; border-bottom: 1px solid #333; }
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  header, [data-testid="nav-menu"], .no-print { display: none !important; }
  body { background: #fff !important; }
  main { padding: 0 !important; max-width: none !important; }
  .report-wrap { overflow: visible; }
  .report-table { font-size: 8px; }
  .report-table thead { display: table-header-group; }
}
`;

function fmt(v: number | null, rate: boolean): string {
  if (v === null) return "—";
  return rate ? v.toFixed(2) : String(v);
}

async function load(year: number, nodeId: number | undefined) {
  const { caller } = await requirePage("/reports");
  try {
    const ref = nodeId ? { nodeId } : {};
    // A long report not yet computed for the current data is computed in the background (issue 25).
    const progress = await caller.report.progress({ ...ref, year });
    if (progress.state !== "ready") return { progress, view: null, children: null };
    const view = await caller.report.get({ ...ref, year });
    const children = await caller.report.children({ nodeId: view.node.id, year });
    return { progress: null, view, children };
  } catch (e) {
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) notFound();
    throw e;
  }
}

export default async function ReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ year: string }>;
  searchParams: Promise<{ node?: string }>;
}) {
  const { year: yearText } = await params;
  const { node } = await searchParams;
  const year = Number(yearText);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) notFound();
  const nodeId = node && /^\d+$/.test(node) ? Number(node) : undefined;
  const { progress, view, children } = await load(year, nodeId);
  if (progress) {
    return (
      <ReportPreparing nodeId={progress.node.id} year={year} title={m.title(progress.node.name, year)} />
    );
  }
  const p = view.policy.params;
  const signature = reportSignature(view);
  const stateKey = view.submission?.state ?? "none";
  const drill = (rowOrgId: number | null, key: string) =>
    `/analysis/drill?node=${view.node.id}&year=${year}&key=${encodeURIComponent(key)}${rowOrgId !== null ? `&row=${rowOrgId}` : ""}`;
  const cells = (ind: Indicators, rowOrgId: number | null) =>
    REPORT_COLUMNS.map((c) => {
      const v = indicatorValue(ind, c.key);
      return (
        <td key={c.key} className="num" data-key={c.key}>
          {v === null ? (
            "—"
          ) : c.drill ? (
            <Link href={drill(rowOrgId, c.key)}>{fmt(v, c.rate)}</Link>
          ) : (
            fmt(v, c.rate)
          )}
        </td>
      );
    });
  const years = reportYearChoices();
  const nodeQuery = nodeId ? `?node=${nodeId}` : "";

  return (
    <div data-testid="report-page">
      <style>{PRINT_CSS}</style>
      <div className="no-print" style={{ display: "flex", gap: 12, alignItems: "center", marginBottom: 12 }}>
        <span>{m.yearLabel}:</span>
        {years.map((y) => (
          <Link
            key={y}
            href={`/reports/${y}${nodeQuery}`}
            style={{ fontWeight: y === year ? 700 : 400 }}
            data-testid="year-choice"
          >
            {y}
          </Link>
        ))}
        <span style={{ flex: 1 }} />
        <PrintButton label={m.print} />
        <a href={`/api/reports/${year}/xlsx?node=${view.node.id}`} data-testid="report-download">
          {m.download}
        </a>
      </div>

      <h2 style={{ textAlign: "center", margin: "8px 0" }} data-testid="report-title">
        {m.title(view.node.name, year)}
      </h2>
      <div style={{ textAlign: "center", marginBottom: 8 }}>{m.subtitle}</div>
      <div style={{ fontSize: 12, marginBottom: 8, display: "flex", flexWrap: "wrap", gap: 16 }}>
        <span>
          {m.asOf}:{view.asOf}
        </span>
        <span data-testid="report-policy">
          {m.policy}:{m.policyFrom(view.policy.effectiveOn)};
          {m.policyScale(p.aboveScaleEmployees, p.aboveScaleMidEmployees, p.aboveScaleRevenue)};
          {m.policyBranch(p.minMembersForBranch, p.onlyFullMembersCount)};
          {m.policyCaps(p.jointCap, p.instructorCap)}
        </span>
        <span data-testid="report-source">{m.source[view.source]}</span>
      </div>

      <div className="report-wrap">
        <table className="report-table" data-testid="report-table">
          <thead>
            <tr>
              <th rowSpan={2}>{m.unit}</th>
              <th rowSpan={2}>{m.code}</th>
              {REPORT_COLUMN_GROUPS.map((g) => (
                <th key={g.label} colSpan={g.columns.length}>
                  {g.label}
                </th>
              ))}
            </tr>
            <tr>
              {REPORT_COLUMNS.map((c) => (
                <th key={c.key}>{c.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr key={`${r.kind}-${r.orgId}`} data-testid="report-row" data-org={r.orgId}>
                <td>
                  {r.kind === "child" ? (
                    <Link href={`/reports/${year}?node=${r.orgId}`}>{r.name}</Link>
                  ) : (
                    r.name
                  )}
                  {m.rowSource[r.source]}
                </td>
                <td>{r.code}</td>
                {cells(r.indicators, r.orgId)}
              </tr>
            ))}
            <tr className="total" data-testid="report-total-row">
              <td>合计</td>
              <td>{view.node.code}</td>
              {cells(view.total, null)}
            </tr>
          </tbody>
        </table>
      </div>

      <div style={{ margin: "8px 0", fontSize: 13 }}>
        <div data-testid="report-yoy">
          {m.coverageSummary}:
          {formatRateChange(view.total.orgCoverageRate, view.total.orgCoverageRateChangePp)};{m.workSummary}:
          {view.total.workCoverageRate === null ? "—" : `${view.total.workCoverageRate}%`}
        </div>
        {view.rows
          .filter((r) => r.indicators.orgCoverageRate !== null)
          .map((r) => (
            <div key={r.orgId} style={{ color: "#555" }}>
              {r.name}:{formatRateChange(r.indicators.orgCoverageRate, r.indicators.orgCoverageRateChangePp)}
            </div>
          ))}
        <div
          style={{ color: "#999", fontSize: 12 }}
          data-testid="report-yoy-base"
          data-base={view.previousBase}
        >
          {m.yoyBase[view.previousBase]}
        </div>
      </div>

      {view.annex.length > 0 ? (
        <>
          <h3>{m.annex}</h3>
          <div className="report-wrap">
            <table className="report-table" data-testid="report-annex">
              <thead>
                <tr>
                  <th rowSpan={2}>{m.unit}</th>
                  <th rowSpan={2}>{m.code}</th>
                  {ANNEX_COLUMN_GROUPS.map((g) => (
                    <th key={g.label} colSpan={g.columns.length}>
                      {g.label}
                    </th>
                  ))}
                </tr>
                <tr>
                  {ANNEX_COLUMN_GROUPS.flatMap((g) => g.columns).map((c) => (
                    <th key={c.key}>{c.label}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {view.annex.map((r) => (
                  <tr key={r.orgId}>
                    <td>{r.name}</td>
                    <td>{r.code}</td>
                    {ANNEX_COLUMN_GROUPS.flatMap((g) => g.columns).map((c) => (
                      <td key={c.key} className="num">
                        {fmt(indicatorValue(r.indicators, c.key), false)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      <h3>{m.basicsAnnex}</h3>
      {view.basics ? (
        <div className="report-wrap">
          <div style={{ fontSize: 12, color: "#555", margin: "4px 0" }} data-testid="report-basics-on">
            {m.basicsOn(view.basics.on)}
          </div>
          <table className="report-table" data-testid="report-basics">
            <thead>
              <tr>
                <th rowSpan={2}>{m.unit}</th>
                <th rowSpan={2}>{m.code}</th>
                <th rowSpan={2}>{BASICS_ANNEX_COLUMNS[0]!.label}</th>
                <th colSpan={BASICS_ANNEX_COLUMNS.length - 1}>{BASICS_ANNEX_MET_LABEL}</th>
              </tr>
              <tr>
                {BASICS_ANNEX_COLUMNS.slice(1).map((c) => (
                  <th key={c.key}>{c.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.basics.rows.map((r) => (
                <tr key={`${r.kind}-${r.orgId}`} data-testid="report-basics-row">
                  <td>{r.name}</td>
                  <td>{r.code}</td>
                  {BASICS_ANNEX_COLUMNS.map((c) => (
                    <td key={c.key} className="num" data-key={c.key}>
                      {basicsAnnexValue(r.count, c.key)}
                    </td>
                  ))}
                </tr>
              ))}
              <tr className="total" data-testid="report-basics-total">
                <td>{TOTAL_ROW_NAME}</td>
                <td>{view.node.code}</td>
                {BASICS_ANNEX_COLUMNS.map((c) => (
                  <td key={c.key} className="num" data-key={c.key}>
                    {basicsAnnexValue(view.basics!.total, c.key)}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      ) : (
        <div style={{ fontSize: 13, color: "#999" }} data-testid="report-basics-missing">
          {m.basicsMissing}
        </div>
      )}

      <div className="report-signature" data-testid="report-signature">
        {(
          [
            ["unit", signature.unit],
            ["unitHead", signature.unitHead],
            ["preparer", signature.preparer],
            ["date", signature.date],
          ] as const
        ).map(([key, value]) => (
          <div key={key} data-testid={`signature-${key}`}>
            {REPORT_SIGNATURE_LABELS[key]}:
            {value === null ? <span className="sign-line">&nbsp;</span> : <span>{value}</span>}
          </div>
        ))}
      </div>

      <h3>{m.checks}</h3>
      <div data-testid="report-checks" style={{ fontSize: 13 }}>
        <div>{m.openingMembers(view.openingMembers, view.previousApprovedClosingMembers)}</div>
        {view.checks.length === 0 ? <div>{m.checksOk}</div> : null}
        <ul>
          {view.checks.map((c, i) => (
            <li
              key={i}
              data-testid={`check-${c.level}`}
              style={{ color: c.level === "error" ? "#c8161d" : "#ad6800" }}
            >
              [{c.level === "error" ? m.error : m.warning}] {c.message}
            </li>
          ))}
        </ul>
      </div>

      {view.changed ? (
        <div
          data-testid="report-changed"
          style={{ border: "1px solid #faad14", padding: 8, margin: "8px 0" }}
        >
          <strong>
            {m.changedTitle(formatChinaTime(view.changed.since, { minutes: true }), view.changed.against)}
          </strong>
          <ul>
            {view.changed.differences.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
          {view.changed.audit.length > 0 ? (
            <>
              <div>{m.changedAudit}</div>
              <ul>
                {view.changed.audit.map((a, i) => (
                  <li key={i}>
                    {formatChinaTime(a.at, { minutes: true })} {a.username ?? "—"}{" "}
                    {AUDIT_ACTION_LABELS[a.action as keyof typeof AUDIT_ACTION_LABELS] ?? a.action}
                    {a.entityId ? ` #${a.entityId}` : ""}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      <h3>{m.state}</h3>
      <div data-testid="submission-state" data-state={stateKey}>
        {m.states[stateKey]}
        {view.submission?.submittedAt
          ? `(${formatChinaTime(view.submission.submittedAt, { minutes: true })})`
          : ""}
      </div>
      {view.lastCheck || view.actions.canSaveCheck ? (
        <div data-testid="last-check" style={{ color: "#666" }}>
          {view.lastCheck
            ? m.lastCheck(
                formatChinaTime(view.lastCheck.checkedAt, { minutes: true }),
                view.lastCheck.checkedBy,
                view.lastCheck.warnings,
              )
            : m.noCheck}
        </div>
      ) : null}
      {!view.window.open && (!view.submission || view.submission.state === "returned") ? (
        <div data-testid="report-window" style={{ color: "#666" }}>
          {m.windowClosed(year, view.window.opensOn)}
        </div>
      ) : null}
      {view.submission?.returnReason && view.submission.state === "returned" ? (
        <div data-testid="return-reason">
          {m.returnReason}:{view.submission.returnReason}
        </div>
      ) : null}
      {view.submission && Object.keys(view.submission.explanations).length > 0 ? (
        <div>
          {m.explanations}:
          <ul>
            {Object.entries(view.submission.explanations).map(([code, text]) => (
              <li key={code}>
                {m.checkName(code)}:{text}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="no-print">
        <ReportActions
          nodeId={view.node.id}
          year={year}
          canSubmit={view.actions.canSubmit}
          canDecide={view.actions.canDecide}
          canReopen={view.actions.canReopen}
          canSaveCheck={view.actions.canSaveCheck}
          submissionId={view.submission?.id ?? null}
          version={view.submission?.version ?? null}
          hasErrors={view.checks.some((c) => c.level === "error")}
          warnings={[
            ...new Map(view.checks.filter((c) => c.level === "warning").map((c) => [c.code, c.message])),
          ].map(([code, message]) => ({ code, name: m.checkName(code), message }))}
        />
      </div>

      {children.children.length > 0 ? (
        <div className="no-print">
          <h3>{m.children}</h3>
          <table className="report-table" data-testid="children-table" style={{ width: "auto" }}>
            <tbody>
              {children.children.map((c) => (
                <tr key={c.orgId} data-testid="child-row" data-org={c.orgId}>
                  <td>{c.name}</td>
                  <td data-testid="child-state">{m.states[c.state ?? "none"]}</td>
                  <td>
                    <Link href={`/reports/${year}?node=${c.orgId}`}>{m.openReport}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
