/**
 * The share of secretaries and of instructors trained this year, per row: the node and each of its direct
 * child organizations. Secretaries are the persons (members) in office on the day as secretary of a
 * grassroots organization of the row's subtree; instructors, those registered or dispatched by the
 * subtree and serving on the day (an assignment in force). Trained: a part in a training starting this year
 * up to the day. Each person counts once at every level (domain `trainedShare` over the row's union).
 */
import type { Cx } from "@liangxin/db/cx";
import { idList, selectAll } from "@liangxin/db/driver";
import { isUnder, orgSubtreeRange, pathIn, scopeSql } from "@liangxin/db/scope";
import { trainedBy, trainedShare, untrained, yearOf, yearStart, type TrainedShare } from "@liangxin/domain";
import { sql } from "drizzle-orm";
import { requireOrgInSubtree } from "../work/common.ts";

const GRASSROOTS = sql`('committee','generalBranch','branch','jointBranch')`;

export interface ShareRow {
  orgId: number;
  name: string;
  category: string;
  /** The row has child organizations (drill down to its own rows). */
  hasChildren: boolean;
  secretaries: TrainedShare;
  instructors: TrainedShare;
}

interface Facts {
  secretaries: { memberId: number; name: string; orgId: number; orgName: string; path: string }[];
  instructors: { instructorId: number; name: string; paths: string[] }[];
  trainedMembers: Set<string | number>;
  trainedInstructors: Set<string | number>;
}

async function facts(cx: Cx, orgId: number, day: string): Promise<Facts> {
  const range = await orgSubtreeRange(cx.db, orgId);
  const secretaries = await selectAll<Facts["secretaries"][number]>(
    cx.db,
    sql`select s.member_id as memberId, m.name, o.id as orgId, o.name as orgName, o.path
        from secretaries s join orgs o on o.id = s.org_id join members m on m.id = s.member_id
        where ${pathIn("o.path", range)} and o.category in ${GRASSROOTS}
          and s.start_on <= ${day} and (s.end_on is null or s.end_on > ${day})
        order by o.path, s.member_id`,
  );
  const instructorRows = await selectAll<{
    instructorId: number;
    name: string;
    rPath: string;
    dPath: string | null;
  }>(
    cx.db,
    sql`select i.id as instructorId, i.name, r.path as rPath, d.path as dPath
        from instructors i join orgs r on r.id = i.registered_by_id left join orgs d on d.id = i.dispatch_org_id
        where (${pathIn("r.path", range)} or ${pathIn("coalesce(d.path, '~')", range)})
          and exists (select 1 from assignments a where a.instructor_id = i.id and a.start_on <= ${day}
                      and (a.end_on is null or a.end_on > ${day}))
        order by i.id`,
  );
  const instructors = instructorRows.map((r) => ({
    instructorId: r.instructorId,
    name: r.name,
    paths: r.dPath ? [r.rPath, r.dPath] : [r.rPath],
  }));
  // Only the parts of the persons counted here (the subtree's secretaries and instructors): the year's
  // parts of the whole city would make the node's page cost what the city holds.
  const memberIds = [...new Set(secretaries.map((s) => s.memberId))];
  const instructorIds = instructors.map((i) => i.instructorId);
  const parts = await selectAll<{ memberId: number | null; instructorId: number | null; startOn: string }>(
    cx.db,
    sql`select p.member_id as memberId, p.instructor_id as instructorId, t.start_on as startOn
        from training_participants p join trainings t on t.id = p.training_id
        where t.start_on >= ${yearStart(yearOf(day))} and t.start_on <= ${day}
          and ((p.kind = 'member' and p.member_id in ${idList(memberIds)})
            or (p.kind = 'instructor' and p.instructor_id in ${idList(instructorIds)}))`,
  );
  return {
    secretaries,
    instructors,
    trainedMembers: trainedBy(
      parts.filter((p) => p.memberId !== null).map((p) => ({ person: p.memberId!, startOn: p.startOn })),
      day,
    ),
    trainedInstructors: trainedBy(
      parts
        .filter((p) => p.instructorId !== null)
        .map((p) => ({ person: p.instructorId!, startOn: p.startOn })),
      day,
    ),
  };
}

const under = (path: string, root: string) => isUnder(path, root);

/** The node (the caller's by default) and each child organization, with both shares on the day. */
export async function trainingShares(
  cx: Cx,
  input: { orgId?: number | undefined; on?: string | undefined } = {},
) {
  const day = input.on ?? cx.today;
  const node = await requireOrgInSubtree(cx.db, cx.scope, input.orgId ?? cx.scope.org!.id);
  const f = await facts(cx, node.id, day);
  const children = await selectAll<{
    id: number;
    name: string;
    category: string;
    path: string;
    kids: number;
  }>(
    cx.db,
    sql`select o.id, o.name, o.category, o.path,
          (select count(*) from orgs c where c.parent_id = o.id and (c.revoked_on is null or c.revoked_on > ${day})) as kids
        from orgs o where o.parent_id = ${node.id} and (o.revoked_on is null or o.revoked_on > ${day})
        order by o.code`,
  );
  const row = (o: { id: number; name: string; category: string; path: string }, kids: number): ShareRow => ({
    orgId: o.id,
    name: o.name,
    category: o.category,
    hasChildren: kids > 0,
    secretaries: trainedShare(
      f.secretaries.filter((s) => under(s.path, o.path)).map((s) => s.memberId),
      f.trainedMembers,
    ),
    instructors: trainedShare(
      f.instructors.filter((i) => i.paths.some((p) => under(p, o.path))).map((i) => i.instructorId),
      f.trainedInstructors,
    ),
  });
  return {
    on: day,
    year: yearOf(day),
    node: row(node, children.length),
    rows: children.map((c) => row(c, c.kids)),
  };
}

/** The persons of a row not trained this year up to the day (the drill-down of a row). */
export async function untrainedOf(
  cx: Cx,
  input: { orgId: number; group: "secretary" | "instructor"; on?: string | undefined },
) {
  const day = input.on ?? cx.today;
  const node = await requireOrgInSubtree(cx.db, cx.scope, input.orgId);
  const f = await facts(cx, node.id, day);
  if (input.group === "secretary") {
    const keep = new Set(
      untrained(
        f.secretaries.map((s) => s.memberId),
        f.trainedMembers,
      ),
    );
    const { sets } = scopeSql(cx.scope, cx.today);
    const range = await orgSubtreeRange(cx.db, node.id);
    const visible = new Set(
      (
        await selectAll<{ id: number }>(
          cx.db,
          sql`select m.id from members m where m.id in (select s.member_id from secretaries s join orgs o on o.id = s.org_id
              where ${pathIn("o.path", range)})
            and (${sets.members.editable("m")} or ${sets.members.counted("m")})`,
        )
      ).map((r) => r.id),
    );
    const seen = new Set<number>();
    return f.secretaries
      .filter((s) => keep.has(s.memberId) && !seen.has(s.memberId) && seen.add(s.memberId))
      .map((s) => ({
        memberId: visible.has(s.memberId) ? s.memberId : null,
        instructorId: null,
        name: s.name,
        unit: s.orgName,
      }));
  }
  const keep = new Set(
    untrained(
      f.instructors.map((i) => i.instructorId),
      f.trainedInstructors,
    ),
  );
  return f.instructors
    .filter((i) => keep.has(i.instructorId))
    .map((i) => ({ memberId: null, instructorId: i.instructorId, name: i.name, unit: null }));
}
