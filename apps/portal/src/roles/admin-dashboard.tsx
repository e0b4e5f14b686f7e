import Link from "next/link";
import { Card, Col, Row, Statistic } from "antd";
import {
  COUNTED_MODE_LABELS,
  INDICATOR_LABELS,
  MEMBER_COUNT_LABELS,
  ORG_COUNT_LABELS,
  formatChinaTime,
  type Indicators,
} from "@liangxin/domain";
import type { getCaller } from "@/server/caller";
import { OrgTree } from "@/components/org-tree";
import { orNull } from "@/server/guard";
import { portalMessages as pm } from "@/app/messages";
import { rm } from "./messages.ts";
import { BasicsChart } from "@/components/basics-chart";
import { ShareTable } from "@/components/training-shares";
import { ShowcaseCard } from "./showcase-card.tsx";

type Caller = Awaited<ReturnType<typeof getCaller>>;
type Dashboard = Awaited<ReturnType<Caller["dashboard"]["admin"]>>;

/** Count columns of the rows table: each total is the sum of the rows (instructors: distinct). */
const ROW_COLUMNS: { key: string; label: string; get: (i: Indicators) => number | null }[] = [
  { key: "hosts", label: INDICATOR_LABELS.hosts, get: (i) => i.hosts },
  { key: "enterprises", label: INDICATOR_LABELS.enterprises, get: (i) => i.enterprises },
  { key: "socialOrgs", label: INDICATOR_LABELS.socialOrgs, get: (i) => i.socialOrgs },
  { key: "employees", label: INDICATOR_LABELS.employees, get: (i) => i.employees },
  { key: "aboveScale", label: INDICATOR_LABELS.aboveScale, get: (i) => i.aboveScale },
  { key: "orgCovered", label: INDICATOR_LABELS.orgCovered, get: (i) => i.orgCovered },
  { key: "orgCoverageRate", label: INDICATOR_LABELS.orgCoverageRate, get: (i) => i.orgCoverageRate },
  {
    key: "shouldEstablishNotEstablished",
    label: INDICATOR_LABELS.shouldEstablishNotEstablished,
    get: (i) => i.shouldEstablishNotEstablished,
  },
  { key: "workCovered", label: INDICATOR_LABELS.workCovered, get: (i) => i.workCovered },
  { key: "instructors", label: INDICATOR_LABELS.instructors, get: (i) => i.instructors },
  { key: "membersEmployed", label: INDICATOR_LABELS.membersEmployed, get: (i) => i.membersEmployed },
  { key: "orgs.total", label: ORG_COUNT_LABELS.total, get: (i) => i.orgs.total },
  { key: "members.total", label: MEMBER_COUNT_LABELS.total, get: (i) => i.members.total },
];

const fmt = (v: number | null) => (v === null ? "—" : v.toLocaleString("zh-CN"));

function dictionary(t: Indicators): { key: string; label: string; value: number | null }[] {
  const out: { key: string; label: string; value: number | null }[] = [];
  for (const [key, label] of Object.entries(INDICATOR_LABELS)) {
    const v = t[key as keyof typeof INDICATOR_LABELS];
    out.push({ key, label, value: v });
    if (key === "orgCovered")
      for (const [m, l] of Object.entries(COUNTED_MODE_LABELS))
        out.push({
          key: `coveredByMode.${m}`,
          label: `其中${l}`,
          value: t.coveredByMode[m as keyof Indicators["coveredByMode"]],
        });
  }
  for (const [k, l] of Object.entries(ORG_COUNT_LABELS))
    out.push({ key: `orgs.${k}`, label: l, value: t.orgs[k as keyof Indicators["orgs"]] });
  for (const [k, l] of Object.entries(MEMBER_COUNT_LABELS))
    out.push({ key: `members.${k}`, label: l, value: t.members[k as keyof Indicators["members"]] });
  return out;
}

const cell = {
  padding: "4px 8px",
  borderBottom: "1px solid #eee",
  textAlign: "right" as const,
  whiteSpace: "nowrap" as const,
};

/** The rows table's headers wrap (long indicator names over two or three lines); its figures do not. */
const head = {
  ...cell,
  whiteSpace: "normal" as const,
  verticalAlign: "bottom" as const,
  minWidth: "4em",
  fontWeight: 500,
};

function DailyWorkCard({ work }: { work: Dashboard["work"] }) {
  const meetingShare = work.meetings.share === null ? "—" : `${work.meetings.share}%`;
  return (
    <Card title={rm.dailyWork} size="small" data-testid="daily-work">
      <Row gutter={[16, 8]}>
        <Col xs={12} md={6}>
          <Link href="/work/plans">
            <Statistic title={rm.overduePlans} value={work.overduePlans} data-testid="overdue-plans" />
          </Link>
        </Col>
        <Col xs={12} md={6}>
          <Link href="/work/elections">
            <Statistic
              title={rm.overdueElections}
              value={work.overdueElections}
              data-testid="overdue-elections"
            />
          </Link>
        </Col>
        <Col xs={12} md={6}>
          <Link href="/work/elections">
            <Statistic title={rm.dueSoonElections} value={work.dueSoonElections} />
          </Link>
        </Col>
        <Col xs={12} md={6}>
          <Link href="/work/meetings?period=rolling">
            <Statistic
              title={rm.meetingShare(work.meetings.upToDate, work.meetings.orgs)}
              value={meetingShare}
              data-testid="meeting-share"
            />
          </Link>
        </Col>
      </Row>
    </Card>
  );
}

/** 五个基本 of the node's grassroots organizations today: the share meeting each basic and all five. */
function BasicsCard({ basics }: { basics: Dashboard["work"]["basics"] }) {
  return (
    <Card
      title={rm.basics}
      size="small"
      data-testid="dashboard-basics"
      extra={<Link href="/work/basics">{rm.basicsDetail}</Link>}
    >
      <div style={{ marginBottom: 4 }}>
        <Link href="/work/basics">
          <span data-testid="basics-all-five">{rm.basicsAllFive(basics.met.all, basics.orgs)}</span>
        </Link>
      </div>
      <BasicsChart count={basics} height={180} />
    </Card>
  );
}

type Shares = Awaited<ReturnType<Caller["training"]["shares"]>>;

/** 本年培训: the shares of secretaries and instructors trained this year, the node and each child row. */
function TrainingCard({ shares }: { shares: Shares | null }) {
  if (!shares) return null;
  return (
    <Card
      title={`本年培训(${shares.year}年)`}
      size="small"
      data-testid="dashboard-training"
      extra={<Link href="/work/training">培训</Link>}
    >
      <ShareTable rows={[shares.node, ...shares.rows]} testId="training-share-rows" />
    </Card>
  );
}

type Corrections = Awaited<ReturnType<Caller["corrections"]["inbox"]>>;

/** Owners' corrections waiting for the township administrator, who decides them: on its home page. */
function PendingCorrections({ corrections }: { corrections: Corrections | null }) {
  if (!corrections?.canDecide || corrections.total === 0) return null;
  return (
    <Card size="small" title={rm.correctionsPending(corrections.total)} data-testid="home-corrections">
      <ul style={{ paddingLeft: 20, margin: 0 }}>
        {corrections.rows.map((c) => (
          <li key={c.id}>
            <Link href="/corrections">{c.hostName}</Link>(
            {rm.correctionBy(c.requestedBy, formatChinaTime(c.createdAt, { minutes: true }))})
          </li>
        ))}
      </ul>
      <Link href="/corrections">{rm.correctionsAll}</Link>
    </Card>
  );
}

export async function AdminDashboard({ caller }: { caller: Caller }) {
  const [d, home, corrections, training, showcases] = await Promise.all([
    caller.dashboard.admin(),
    caller.home.overview(),
    // A node without territory (行业党委) has no corrections to decide: the list does not exist for it.
    orNull(caller.corrections.inbox({ state: "pending", limit: 5 })),
    orNull(caller.training.shares()),
    orNull(caller.showcases.count()),
  ]);
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 16 }}>
      <h1 style={{ fontSize: 20, margin: 0 }}>{rm.dashboardTitle(d.node.name, d.asOf)}</h1>
      <div style={{ color: "#666", fontSize: 13 }}>{rm.dashboardHint(d.asOf, d.policyEffectiveOn)}</div>
      <PendingCorrections corrections={corrections} />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card>
            {/* The dictionary's figure: a node without a territory (行业党委) counts no hosts of its own. */}
            <Statistic title={pm.hostCount} value={fmt(d.total.hosts)} data-testid="host-count" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={INDICATOR_LABELS.orgCoverageRate} value={d.total.orgCoverageRate ?? "—"} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={ORG_COUNT_LABELS.total} value={d.total.orgs.total} data-testid="org-count" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={MEMBER_COUNT_LABELS.total} value={d.total.members.total} />
          </Card>
        </Col>
      </Row>
      <DailyWorkCard work={d.work} />
      <BasicsCard basics={d.work.basics} />
      <TrainingCard shares={training} />
      <ShowcaseCard count={showcases} />
      <Card title={rm.rows} styles={{ body: { padding: 12 } }}>
        {/* A table wider than the page scrolls within its card, never the page. */}
        <div style={{ overflowX: "auto", maxWidth: "100%" }}>
          <table
            data-testid="dashboard-rows"
            style={{ borderCollapse: "collapse", fontSize: 13, width: "100%" }}
          >
            <thead>
              <tr>
                <th style={{ ...head, textAlign: "left", minWidth: "8em" }}>{rm.name}</th>
                {ROW_COLUMNS.map((c) => (
                  <th key={c.key} style={head}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={`${r.kind}-${r.orgId}`} data-row-kind={r.kind}>
                  <td style={{ ...cell, textAlign: "left", whiteSpace: "normal" }}>{r.name}</td>
                  {ROW_COLUMNS.map((c) => (
                    <td key={c.key} data-key={c.key} style={cell}>
                      {fmt(c.get(r.indicators))}
                    </td>
                  ))}
                </tr>
              ))}
              <tr data-row-kind="total" style={{ fontWeight: 600 }}>
                <td style={{ ...cell, textAlign: "left" }}>{rm.total}</td>
                {ROW_COLUMNS.map((c) => (
                  <td key={c.key} data-key={c.key} style={cell}>
                    {fmt(c.get(d.total))}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={rm.indicators} data-testid="indicator-dictionary">
            <table style={{ borderCollapse: "collapse", fontSize: 13, width: "100%" }}>
              <tbody>
                {dictionary(d.total).map((i) => (
                  <tr key={i.key}>
                    <td style={{ ...cell, textAlign: "left" }}>{i.label}</td>
                    <td style={cell} data-key={i.key}>
                      {fmt(i.value)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={rm.actOn} data-testid="act-on">
            <h3 style={{ fontSize: 15 }}>{rm.shouldEstablish(d.shouldEstablish.total)}</h3>
            {d.shouldEstablish.hosts.length === 0 ? <div>{rm.none}</div> : null}
            <ul style={{ paddingLeft: 20, margin: 0 }}>
              {d.shouldEstablish.hosts.slice(0, 15).map((h) => (
                <li key={h.id}>
                  <Link href={`/hosts/${h.id}`}>{h.name}</Link>({h.regionName},{rm.fullMembersWorking}{" "}
                  {h.fullMembersWorking}
                  {h.aboveScale ? `,${rm.aboveScale}` : ""})
                </li>
              ))}
            </ul>
            {d.shouldEstablish.total > 15 ? (
              <Link href="/hosts?sene=1">{rm.more(d.shouldEstablish.total - 15)}</Link>
            ) : null}
            <h3 style={{ fontSize: 15 }}>{rm.jointOverCap(d.caps.joint)}</h3>
            {d.jointOverCap.length === 0 ? <div>{rm.none}</div> : null}
            <ul style={{ paddingLeft: 20, margin: 0 }}>
              {d.jointOverCap.map((o) => (
                <li key={o.orgId}>
                  <Link href={`/orgs/${o.orgId}`}>{o.name}</Link>({rm.hostsCovered} {o.hosts})
                </li>
              ))}
            </ul>
            <h3 style={{ fontSize: 15 }}>{rm.instructorsOverCap(d.caps.instructor)}</h3>
            {d.instructorsOverCap.length === 0 ? <div>{rm.none}</div> : null}
            <ul style={{ paddingLeft: 20, margin: 0 }}>
              {d.instructorsOverCap.map((i) => (
                <li key={i.instructorId}>
                  <Link href={`/instructors/${i.instructorId}`}>
                    {i.name}({i.number})
                  </Link>
                  :{i.hosts}
                </li>
              ))}
            </ul>
          </Card>
        </Col>
      </Row>
      {home.tree ? (
        <Card title={pm.orgTree} data-testid="org-tree">
          {/* The first level open: the city's tree opened down to its grassroots is a page 16,000 px tall. */}
          <OrgTree root={home.tree} expanded={[home.tree.id]} />
        </Card>
      ) : null}
    </div>
  );
}
