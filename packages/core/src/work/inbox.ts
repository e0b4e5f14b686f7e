/**
 * 待办 (the inbox): the reminders that concern the calling user, and only them —
 * - elections due within 90 days or overdue: grassroots organizations of their subtree;
 * - plans overdue: plans of their territory;
 * - transfers awaiting their decision: pending, received by an organization of their subtree;
 * - owners' corrections awaiting a decision: pending, for hosts of their territory (township-level
 *   administrators decide them);
 * - coverage requests awaiting a decision: pending, for hosts of their territory, when they decide them
 *   (the township-level administrator, or a common superior of the host and the proposer);
 * - probation ending: probationary members of their subtree;
 * - year-end reports (administrators): their own node's reports returned (退回 or 撤销审核, with the
 *   reason), and their child nodes' reports submitted and waiting for their approval;
 * - contact points overdue (administrators): the points of the leaders their own node registered whose
 *   visit is overdue (policy `contactVisitMonths`).
 */
import { chinaDateOf, CONTACT_MESSAGES, INBOX_KIND_LABELS, type InboxKind } from "@liangxin/domain";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Cx } from "@liangxin/db/cx";
import { selectAll } from "@liangxin/db/driver";
import { orgs, reportSubmissions } from "@liangxin/db/schema";
import { scopeSql } from "@liangxin/db/scope";

import { electionBoardIn } from "./elections.ts";
import { probationDueIn } from "./development.ts";
import { overduePlansIn } from "./plans.ts";
import { coverageRequestsAwaitingIn } from "@liangxin/db/queries";
import { overdueContacts } from "../cadres/contacts.ts";

export interface InboxItem {
  kind: InboxKind;
  kindLabel: string;
  /** The record concerned (organization, host, member). */
  subject: string;
  /** The date that matters (due date, target date, request date, probation end). */
  date: string;
  detail: string;
  /** The page where it is dealt with. */
  href: string;
  refId: number;
}

export const inboxMessages = {
  electionOverdue: (due: string, days: number) => `任期已于${due}届满,超期${days}天`,
  electionDue: (due: string, days: number) => `任期将于${due}届满(还有${days}天)`,
  planOverdue: (target: string, responsible: string) => `目标日期${target}已过,责任人:${responsible}`,
  transferAwaiting: (from: string) => `转出单位:${from},等待本单位接收或退回`,
  correctionAwaiting: (by: string) => `出资人${by}提交的经营信息更正,等待审核`,
  coverageRequestAwaiting: (org: string) => `“${org}”申请覆盖该两新组织,等待本单位确认或退回`,
  probationEnding: (end: string, org: string) => `预备期${end}届满(${org}),请及时讨论转正`,
  reportReturned: (reason: string | null) => `上级退回,原因:${reason ?? "—"};请修正后重新上报`,
  reportAwaiting: () => "已上报,等待本单位审核",
  reportSubject: (year: number, org?: string) => `${org ? `${org} ` : ""}${year}年年报`,
} as const;

/** The calling user's (`cx`) reminders, in the order listed above. */
export async function inboxFor(cx: Cx): Promise<InboxItem[]> {
  const { db, scope, today } = cx;
  if (!scope.org) return [];
  const items: InboxItem[] = [];
  const item = (kind: InboxKind, rest: Omit<InboxItem, "kind" | "kindLabel">) =>
    items.push({ kind, kindLabel: INBOX_KIND_LABELS[kind], ...rest });

  // The year-end reports first: the list is long at a county and these are the ones with a deadline.
  if (scope.role === "admin") {
    const own = scope.org.id;
    // Written with drizzle's builder (the report tables are keyed by the node: no scope condition needed
    // beyond the caller's own node and its children).
    for (const r of await db
      .select({
        id: reportSubmissions.id,
        year: reportSubmissions.year,
        reason: reportSubmissions.returnReason,
        at: reportSubmissions.decidedAt,
      })
      .from(reportSubmissions)
      .where(and(eq(reportSubmissions.orgId, own), eq(reportSubmissions.state, "returned")))
      .orderBy(asc(reportSubmissions.year)))
      item("reportReturned", {
        subject: inboxMessages.reportSubject(r.year),
        date: r.at ? chinaDateOf(r.at) : "",
        detail: inboxMessages.reportReturned(r.reason),
        href: `/reports/${r.year}`,
        refId: r.id,
      });
    for (const r of await db
      .select({
        id: reportSubmissions.id,
        year: reportSubmissions.year,
        at: reportSubmissions.submittedAt,
        orgId: orgs.id,
        name: orgs.name,
      })
      .from(reportSubmissions)
      .innerJoin(orgs, eq(orgs.id, reportSubmissions.orgId))
      .where(and(eq(orgs.parentId, own), eq(reportSubmissions.state, "submitted")))
      .orderBy(asc(reportSubmissions.year), asc(orgs.code)))
      item("reportAwaiting", {
        subject: inboxMessages.reportSubject(r.year, r.name),
        date: r.at ? chinaDateOf(r.at) : "",
        detail: inboxMessages.reportAwaiting(),
        href: `/reports/${r.year}?node=${r.orgId}`,
        refId: r.id,
      });
  }
  const elections = await electionBoardIn(db, scope, today);
  for (const e of elections.overdue)
    item("electionOverdue", {
      subject: e.orgName,
      date: e.dueOn,
      detail: inboxMessages.electionOverdue(e.dueOn, -e.daysLeft),
      href: "/work/elections",
      refId: e.orgId,
    });
  for (const e of elections.dueSoon)
    item("electionDue", {
      subject: e.orgName,
      date: e.dueOn,
      detail: inboxMessages.electionDue(e.dueOn, e.daysLeft),
      href: "/work/elections",
      refId: e.orgId,
    });

  if (scope.region) {
    for (const p of await overduePlansIn(db, scope, today))
      item("planOverdue", {
        subject: p.hostName,
        date: p.targetOn,
        detail: inboxMessages.planOverdue(p.targetOn, p.responsible),
        href: `/work/plans/${p.id}`,
        refId: p.id,
      });
  }

  const { within } = scopeSql(scope, today);
  const transfers = await selectAll<{
    id: number;
    memberName: string;
    requestedOn: string;
    fromName: string;
    toName: string;
  }>(
    db,
    sql`select t.id, m.name as memberName, t.requested_on as requestedOn,
          coalesce(f.name, t.outside_org_name, '') as fromName, o.name as toName
        from transfers t join orgs o on o.id = t.to_org_id join members m on m.id = t.member_id
        left join orgs f on f.id = t.from_org_id
        where t.state = 'pending' and ${within.subtree("o")} order by t.requested_on`,
  );
  for (const t of transfers)
    item("transferAwaiting", {
      subject: `${t.memberName} → ${t.toName}`,
      date: t.requestedOn,
      detail: inboxMessages.transferAwaiting(t.fromName),
      href: "/members/transfers",
      refId: t.id,
    });

  if (scope.region?.level === "township") {
    const corrections = await selectAll<{
      id: number;
      hostName: string;
      requestedAt: string;
      byName: string;
    }>(
      db,
      sql`select c.id, h.name as hostName, c.created_at as requestedAt, u.display_name as byName
          from host_corrections c join hosts h on h.id = c.host_id join regions r on r.id = h.region_id
          join users u on u.id = c.requested_by
          where c.state = 'pending' and ${within.territory("r")} order by c.created_at`,
    );
    for (const c of corrections)
      item("correctionAwaiting", {
        subject: c.hostName,
        date: chinaDateOf(c.requestedAt),
        detail: inboxMessages.correctionAwaiting(c.byName),
        href: "/inbox",
        refId: c.id,
      });
  }

  for (const q of await coverageRequestsAwaitingIn(db, scope, today))
    item("coverageRequestAwaiting", {
      subject: q.hostName,
      date: q.requestedOn,
      detail: inboxMessages.coverageRequestAwaiting(q.orgName),
      href: "/coverage-requests",
      refId: q.id,
    });

  for (const p of await probationDueIn(db, scope, today))
    item("probationEnding", {
      subject: p.name,
      date: p.endsOn,
      detail: inboxMessages.probationEnding(p.endsOn, p.orgName),
      href: "/work/development",
      refId: p.memberId,
    });

  if (scope.role === "admin")
    for (const p of await overdueContacts(cx, true))
      item("contactVisitOverdue", {
        subject: `${p.leaderName} → ${p.subjectName}`,
        date: p.dueOn ?? "",
        detail: CONTACT_MESSAGES.overdueDetail(p.dueOn ?? "", p.overdueDays, p.leaderName),
        href: `/work/contacts?point=${p.id}`,
        refId: p.id,
      });

  return items;
}
