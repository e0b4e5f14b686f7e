/** 组织生活: record meetings; compliance per organization and period, computed from the policy. */
import { and, count, eq, gt, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import {
  assertAttendance,
  assertNotFuture,
  complianceFromCounts,
  type MeetingCompliance,
  type MeetingKind,
  type Period,
} from "@liangxin/domain";
import type { Cx } from "@liangxin/db/cx";
import { type Db, selectAll, writeTransaction } from "@liangxin/db/driver";
import { memberRelationships, meetings, members } from "@liangxin/db/schema";
import { type Scope, scopeSql } from "@liangxin/db/scope";
import { auditWork, requireGrassrootsInSubtree, subtreeGrassroots, workPolicy } from "./common.ts";

export interface RecordMeetingInput {
  orgId: number;
  kind: MeetingKind;
  heldOn: string;
  topic?: string | undefined;
  attendees?: number | undefined;
}

/** Record a meeting of a grassroots organization of the caller's subtree (attendance checked, audited). */
export async function recordMeeting(cx: Cx, input: RecordMeetingInput): Promise<{ id: number }> {
  const { db, scope, today } = cx;
  const org = await requireGrassrootsInSubtree(db, scope, input.orgId);
  assertNotFuture(input.heldOn, today);
  return writeTransaction(db, async (tx) => {
    if (input.attendees !== undefined) {
      // The members whose relationship was with the organization that day (joined by then).
      const held = input.heldOn;
      const { n } = (
        await tx
          .select({ n: count() })
          .from(memberRelationships)
          .innerJoin(members, eq(members.id, memberRelationships.memberId))
          .where(
            and(
              eq(memberRelationships.orgId, org.id),
              lte(memberRelationships.startOn, held),
              or(isNull(memberRelationships.endOn), gt(memberRelationships.endOn, held)),
              lte(members.joinedOn, held),
            ),
          )
          .limit(1)
      )[0]!;
      assertAttendance(input.attendees, { name: org.name, members: n }, held);
    }
    const row = (
      await tx
        .insert(meetings)
        .values({
          orgId: org.id,
          kind: input.kind,
          heldOn: input.heldOn,
          topic: input.topic ?? null,
          attendees: input.attendees ?? null,
          createdBy: scope.userId,
        })
        .returning()
    )[0]!;
    await auditWork(tx, scope, "meeting.record", "meeting", row.id, null, row);
    return { id: row.id };
  });
}

export interface ComplianceRow extends MeetingCompliance {
  orgName: string;
  orgCode: string;
  category: string;
}

export interface ComplianceBoard {
  period: Period;
  rows: ComplianceRow[];
  behind: ComplianceRow[];
}

/** Compliance of every grassroots organization of the caller's subtree over `input.period`; behind ones first. */
export async function meetingComplianceBoard(cx: Cx, input: { period: Period }): Promise<ComplianceBoard> {
  return meetingComplianceBoardIn(cx.db, cx.scope, input.period, cx.today);
}

/** `meetingComplianceBoard` on a connection and scope: for the reads that combine it (the dashboard). */
export async function meetingComplianceBoardIn(
  db: Db,
  scope: Scope,
  period: Period,
  today: string,
): Promise<ComplianceBoard> {
  const policy = await workPolicy(db, period.to);
  const orgs = await subtreeGrassroots(db, scope, today);
  // Counted in SQL per organization and kind: the period's meetings are never turned into objects.
  const { within } = scopeSql(scope, today);
  const counts = await selectAll<{ orgId: number; kind: MeetingKind; n: number }>(
    db,
    sql`select m.org_id as orgId, m.kind, count(*) as n from meetings m join orgs o on o.id = m.org_id
        where ${within.subtree("o")} and m.held_on >= ${period.from} and m.held_on <= ${period.to}
        group by m.org_id, m.kind`,
  );
  const byOrg = new Map<number, Map<MeetingKind, number>>();
  for (const c of counts) {
    const held = byOrg.get(c.orgId) ?? new Map<MeetingKind, number>();
    held.set(c.kind, c.n);
    byOrg.set(c.orgId, held);
  }
  const rows = orgs.map((o) => ({
    ...complianceFromCounts(
      o.id,
      byOrg.get(o.id) ?? new Map(),
      policy,
      period,
      o.foundedOn,
      o.hasPartyGroups === 1,
    ),
    orgName: o.name,
    orgCode: o.code,
    category: o.category,
  }));
  rows.sort((a, b) => Number(b.behind) - Number(a.behind) || (a.rate ?? 101) - (b.rate ?? 101));
  return { period, rows, behind: rows.filter((r) => r.behind) };
}

export interface MeetingRow {
  id: number;
  orgId: number;
  orgName: string;
  kind: MeetingKind;
  heldOn: string;
  topic: string | null;
  attendees: number | null;
}

/** Recent meetings of the caller's subtree (or of one organization of it, `opts.orgId`). */
export async function listMeetings(cx: Cx, opts?: { orgId?: number; limit?: number }): Promise<MeetingRow[]> {
  const { db, scope, today } = cx;
  if (!scope.org) return [];
  if (opts?.orgId !== undefined) await requireGrassrootsInSubtree(db, scope, opts.orgId);
  const { within } = scopeSql(scope, today);
  const where: SQL[] = [within.subtree("o")];
  if (opts?.orgId !== undefined) where.push(sql`m.org_id = ${opts.orgId}`);
  return selectAll<MeetingRow>(
    db,
    sql`select m.id, m.org_id as orgId, o.name as orgName, m.kind, m.held_on as heldOn, m.topic, m.attendees
        from meetings m join orgs o on o.id = m.org_id
        where ${sql.join(where, sql` and `)}
        order by m.held_on desc, m.id desc limit ${opts?.limit ?? 50}`,
  );
}
