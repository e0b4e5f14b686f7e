/**
 * 培训 (training), dated, scoped and audited. A training is organized by a management node of the caller's
 * subtree (the caller's own node by default); its participants are members, instructors and hosts' 出资人
 * the ORGANIZER sees (its sets, as of the training's first day or today), and the caller too: a person
 * outside the caller's scope does not exist for the caller (NOT_FOUND); one the caller sees but outside the
 * organizer's scope is refused in Chinese. A participation is not a person's record: removing it deletes the
 * row, with its audit row.
 */
import type { Cx } from "@liangxin/db/cx";
import { selectAll, selectOne, writeTransaction } from "@liangxin/db/driver";
import { trainingParticipants, trainings } from "@liangxin/db/schema";
import { scopeSql, type Scope } from "@liangxin/db/scope";
import {
  AppError,
  isManagement,
  PARTICIPANT_KIND_LABELS,
  trainingMessages as m,
  validateTraining,
  type OrgCategory,
  type ParticipantKind,
  type TrainingKind,
} from "@liangxin/domain";
import { eq, sql } from "drizzle-orm";
import { assertVersion, audit } from "../commands/common.ts";
import { requireOrgInSubtree } from "../work/common.ts";

export interface TrainingFieldsInput {
  organizerId?: number | undefined;
  title: string;
  kind: TrainingKind;
  startOn: string;
  endOn: string;
  place?: string | null | undefined;
  hours?: number | null | undefined;
}

type TrainingRow = typeof trainings.$inferSelect;

/** A management node of the caller's subtree as organizer (the caller's node by default). */
/** Refuse a second training of the organizer with the same start and title (`except`: the one edited). */
async function refuseDuplicate(
  cx: Cx,
  organizer: { id: number; name: string },
  input: TrainingFieldsInput,
  except = 0,
) {
  const title = input.title.trim();
  const same = await selectOne<{ id: number }>(
    cx.db,
    sql`select id from trainings where organizer_id = ${organizer.id} and start_on = ${input.startOn}
          and title = ${title} and id <> ${except}`,
  );
  if (same) throw AppError.rule("TRAINING_DUPLICATE", m.duplicate(organizer.name, input.startOn, title));
}

async function organizerOf(cx: Cx, organizerId: number | undefined) {
  if (!cx.scope.org) throw AppError.notFound("org");
  const org = await requireOrgInSubtree(cx.db, cx.scope, organizerId ?? cx.scope.org.id);
  if (!isManagement(org.category as OrgCategory))
    throw AppError.rule("TRAINING_ORGANIZER", m.organizerNotManagement);
  return org;
}

/** A training organized by a node of the caller's subtree, else NOT_FOUND. */
async function trainingInScope(cx: Cx, id: number): Promise<TrainingRow> {
  if (!cx.scope.org) throw AppError.notFound("training");
  const { within } = scopeSql(cx.scope, cx.today);
  const row = await selectOne<{ id: number }>(
    cx.db,
    sql`select t.id from trainings t where t.id = ${id} and ${within.orgId("t.organizer_id")}`,
  );
  if (!row) throw AppError.notFound("training");
  return (await cx.db.select().from(trainings).where(eq(trainings.id, id)).limit(1))[0]!;
}

/** The columns a form's fields set, on registering and on editing alike. */
function storedFields(organizerId: number, input: TrainingFieldsInput) {
  return {
    organizerId,
    title: input.title.trim(),
    kind: input.kind,
    startOn: input.startOn,
    endOn: input.endOn,
    place: input.place ?? null,
    hours: input.hours ?? null,
  };
}

export async function createTraining(cx: Cx, input: TrainingFieldsInput) {
  validateTraining(input);
  return writeTransaction(cx.db, async () => {
    const organizer = await organizerOf(cx, input.organizerId);
    await refuseDuplicate(cx, organizer, input);
    const row = (
      await cx.db
        .insert(trainings)
        .values({
          ...storedFields(organizer.id, input),
          createdBy: cx.scope.userId,
        })
        .returning()
    )[0]!;
    await audit(cx, {
      action: "training.create",
      entity: "training",
      entityId: row.id,
      scopeOrgId: organizer.id,
      after: row,
    });
    return row;
  });
}

export async function updateTraining(cx: Cx, input: TrainingFieldsInput & { id: number; version: number }) {
  validateTraining(input);
  return writeTransaction(cx.db, async () => {
    const before = await trainingInScope(cx, input.id);
    assertVersion(before.version, input.version);
    const organizer = await organizerOf(cx, input.organizerId ?? before.organizerId);
    await refuseDuplicate(cx, organizer, input, before.id);
    if (organizer.id !== before.organizerId) {
      const outside = await participantsOutside(cx, organizer.id, before.id, before.startOn);
      if (outside)
        throw AppError.rule("TRAINING_PARTICIPANT_SCOPE", m.notInOrganizerScope(outside, organizer.name));
    }
    const after = (
      await cx.db
        .update(trainings)
        .set({
          ...storedFields(organizer.id, input),
          version: before.version + 1,
        })
        .where(eq(trainings.id, before.id))
        .returning()
    )[0]!;
    await audit(cx, {
      action: "training.update",
      entity: "training",
      entityId: before.id,
      scopeOrgId: organizer.id,
      before,
      after,
    });
    return after;
  });
}

/** The scope of a management node (as the sets see it: its subtree and its territory). */
async function nodeScope(cx: Cx, orgId: number): Promise<Pick<Scope, "org" | "region" | "host">> {
  const row = await selectOne<{
    id: number;
    code: string;
    name: string;
    category: string;
    path: string;
    rId: number | null;
    rCode: string | null;
    rName: string | null;
    rLevel: string | null;
    rPath: string | null;
  }>(
    cx.db,
    sql`select o.id, o.code, o.name, o.category, o.path, r.id as rId, r.code as rCode, r.name as rName,
          r.level as rLevel, r.path as rPath
        from orgs o left join regions r on r.id = o.region_id where o.id = ${orgId}`,
  );
  if (!row) throw AppError.notFound("org");
  const { rId, rCode, rName, rLevel, rPath, ...org } = row;
  return {
    org,
    region: rId === null ? null : { id: rId, code: rCode!, name: rName!, level: rLevel!, path: rPath! },
    host: null,
  };
}

/** SQL: the person of a participation row (alias `p`) is seen by the scope on the day. */
function seenBy(s: ReturnType<typeof scopeSql>) {
  return sql`(case p.kind
      when 'member' then exists (select 1 from members m where m.id = p.member_id
        and (${s.sets.members.editable("m")} or ${s.sets.members.counted("m")}))
      when 'instructor' then exists (select 1 from instructors i where i.id = p.instructor_id
        and (${s.sets.instructors.editable("i")} or ${s.sets.instructors.reference("i")}))
      else exists (select 1 from hosts h where h.id = p.host_id
        and (${s.sets.hosts.editable("h")} or ${s.sets.hosts.reference("h")})) end)`;
}

/** The name of the first participant of a training the organizer does not see, or null. */
async function participantsOutside(
  cx: Cx,
  organizerId: number,
  trainingId: number,
  on: string,
): Promise<string | null> {
  const s = scopeSql(await nodeScope(cx, organizerId), on < cx.today ? on : cx.today);
  const row = await selectOne<{ name: string }>(
    cx.db,
    sql`select coalesce(m.name, i.name, h.owner_name, h.name) as name from training_participants p
        left join members m on m.id = p.member_id left join instructors i on i.id = p.instructor_id
        left join hosts h on h.id = p.host_id
        where p.training_id = ${trainingId} and not ${seenBy(s)} limit 1`,
  );
  return row?.name ?? null;
}

export interface ParticipantInput {
  trainingId: number;
  kind: ParticipantKind;
  /** The member's, the instructor's or (for an owner) the host's id. */
  personId: number;
}

/** Whether the scope sees the person, and their name (null: the person does not exist). */
async function personSeen(
  cx: Cx,
  s: ReturnType<typeof scopeSql>,
  kind: ParticipantKind,
  id: number,
): Promise<{ name: string; seen: boolean } | null> {
  const q =
    kind === "member"
      ? sql`select m.name, (${s.sets.members.editable("m")} or ${s.sets.members.counted("m")}) as seen
            from members m where m.id = ${id}`
      : kind === "instructor"
        ? sql`select i.name, (${s.sets.instructors.editable("i")} or ${s.sets.instructors.reference("i")}) as seen
              from instructors i where i.id = ${id}`
        : sql`select coalesce(h.owner_name, h.name) as name,
                (${s.sets.hosts.editable("h")} or ${s.sets.hosts.reference("h")}) as seen from hosts h where h.id = ${id}`;
  const row = await selectOne<{ name: string; seen: number }>(cx.db, q);
  return row ? { name: row.name, seen: row.seen === 1 } : null;
}

export async function addParticipant(cx: Cx, input: ParticipantInput) {
  return writeTransaction(cx.db, async () => {
    const training = await trainingInScope(cx, input.trainingId);
    const mine = await personSeen(cx, scopeSql(cx.scope, cx.today), input.kind, input.personId);
    if (!mine?.seen) throw AppError.notFound(input.kind);
    const organizer = await nodeScope(cx, training.organizerId);
    const day = training.startOn < cx.today ? training.startOn : cx.today;
    const theirs =
      (await personSeen(cx, scopeSql(organizer, day), input.kind, input.personId))?.seen ||
      (await personSeen(cx, scopeSql(organizer, cx.today), input.kind, input.personId))?.seen;
    const who = `${PARTICIPANT_KIND_LABELS[input.kind]}${mine.name}`;
    if (!theirs)
      throw AppError.rule("TRAINING_PARTICIPANT_SCOPE", m.notInOrganizerScope(who, organizer.org!.name));
    const ids = {
      memberId: input.kind === "member" ? input.personId : null,
      instructorId: input.kind === "instructor" ? input.personId : null,
      hostId: input.kind === "owner" ? input.personId : null,
    };
    const taken = await selectOne<{ id: number }>(
      cx.db,
      sql`select id from training_participants where training_id = ${training.id} and kind = ${input.kind}
          and coalesce(member_id, instructor_id, host_id) = ${input.personId}`,
    );
    if (taken) throw AppError.rule("TRAINING_PARTICIPANT_TWICE", m.alreadyParticipant(who));
    const row = (
      await cx.db
        .insert(trainingParticipants)
        .values({ trainingId: training.id, kind: input.kind, ...ids })
        .returning()
    )[0]!;
    await audit(cx, {
      action: "trainingParticipant.add",
      entity: "trainingParticipant",
      entityId: row.id,
      scopeOrgId: training.organizerId,
      after: row,
    });
    return row;
  });
}

/** A participation goes (the row is deleted: it is not a person's record), with its audit row. */
export async function removeParticipant(cx: Cx, input: { id: number }) {
  return writeTransaction(cx.db, async () => {
    const before = (
      await cx.db.select().from(trainingParticipants).where(eq(trainingParticipants.id, input.id)).limit(1)
    )[0];
    if (!before) throw AppError.notFound("trainingParticipant");
    const training = await trainingInScope(cx, before.trainingId);
    await cx.db.delete(trainingParticipants).where(eq(trainingParticipants.id, before.id));
    await audit(cx, {
      action: "trainingParticipant.remove",
      entity: "trainingParticipant",
      entityId: before.id,
      scopeOrgId: training.organizerId,
      before,
    });
    return { id: before.id };
  });
}

// ---- reads ------------------------------------------------------------------------------------------

export interface TrainingListRow {
  id: number;
  organizerName: string;
  title: string;
  kind: TrainingKind;
  startOn: string;
  endOn: string;
  place: string | null;
  hours: number | null;
  participants: number;
}

const LIST_COLUMNS = sql`t.id, o.name as organizerName, t.title, t.kind, t.start_on as startOn, t.end_on as endOn,
  t.place, t.hours, (select count(*) from training_participants p where p.training_id = t.id) as participants`;

/** Trainings organized by a node of the caller's subtree, newest first (a year, a kind when given). */
export async function listTrainings(
  cx: Cx,
  input: { year?: number | undefined; kind?: TrainingKind | undefined } = {},
): Promise<TrainingListRow[]> {
  const { within } = scopeSql(cx.scope, cx.today);
  const yearCond = input.year
    ? sql`and substr(cast(t.start_on as text), 1, 4) = ${String(input.year)}`
    : sql``;
  const kindCond = input.kind ? sql`and t.kind = ${input.kind}` : sql``;
  return selectAll<TrainingListRow>(
    cx.db,
    sql`select ${LIST_COLUMNS} from trainings t join orgs o on o.id = t.organizer_id
        where ${within.orgId("t.organizer_id")} ${yearCond} ${kindCond}
        order by t.start_on desc, t.id desc limit 500`,
  );
}

export interface ParticipantRow {
  id: number;
  kind: ParticipantKind;
  /** Null when the person is no longer in the caller's scope (the name stays). */
  memberId: number | null;
  instructorId: number | null;
  hostId: number | null;
  name: string;
  /** The member's organization or the owner's host (null when out of the caller's scope). */
  unit: string | null;
}

/** One training of the caller's scope with its participants. */
export async function getTraining(cx: Cx, input: { id: number }) {
  const t = await trainingInScope(cx, input.id);
  const s = scopeSql(cx.scope, cx.today);
  const organizer = (await selectOne<{ name: string }>(
    cx.db,
    sql`select name from orgs where id = ${t.organizerId}`,
  ))!;
  const participants = await selectAll<ParticipantRow>(
    cx.db,
    sql`select p.id, p.kind,
          case when p.kind = 'member' and ${seenBy(s)} then p.member_id end as memberId,
          case when p.kind = 'instructor' and ${seenBy(s)} then p.instructor_id end as instructorId,
          case when p.kind = 'owner' and ${seenBy(s)} then p.host_id end as hostId,
          coalesce(m.name, i.name, h.owner_name, '(未登记姓名)') as name,
          case when ${seenBy(s)} then coalesce(
            case when ${s.sets.orgs.editable("mo")} or ${s.sets.orgs.reference("mo")} then mo.name end, h.name) end as unit
        from training_participants p
        left join members m on m.id = p.member_id left join orgs mo on mo.id = m.org_id
        left join instructors i on i.id = p.instructor_id left join hosts h on h.id = p.host_id
        where p.training_id = ${t.id} order by p.kind, p.id`,
  );
  return { training: { ...t, organizerName: organizer.name }, participants };
}

export type PersonRef = { memberId: number } | { instructorId: number } | { hostId: number };

/** A person's trainings (a member, an instructor, a host's 出资人), newest first; the person must be seen. */
export async function trainingHistory(cx: Cx, input: PersonRef) {
  const s = scopeSql(cx.scope, cx.today);
  const [kind, id] =
    "memberId" in input
      ? (["member", input.memberId] as const)
      : "instructorId" in input
        ? (["instructor", input.instructorId] as const)
        : (["owner", input.hostId] as const);
  if (!(await personSeen(cx, s, kind, id))?.seen) throw AppError.notFound(kind);
  const column = sql.raw(
    kind === "member" ? "member_id" : kind === "instructor" ? "instructor_id" : "host_id",
  );
  return (
    await selectAll<Omit<TrainingListRow, "participants"> & { inScope: number }>(
      cx.db,
      sql`select t.id,
          case when ${s.sets.orgs.editable("o")} or ${s.sets.named.orgs("o")} then o.name else '上级或其他党组织' end
            as organizerName,
          t.title, t.kind, t.start_on as startOn, t.end_on as endOn, t.place, t.hours,
          ${s.within.orgId("t.organizer_id")} as inScope
        from training_participants p join trainings t on t.id = p.training_id join orgs o on o.id = t.organizer_id
        where p.kind = ${kind} and p.${column} = ${id} order by t.start_on desc, t.id desc`,
    )
  ).map(({ inScope, ...r }) => ({ ...r, inScope: inScope === 1 }));
}

/** Members, instructors and owners the caller and the training's organizer both see, by name (the picker). */
export async function participantCandidates(cx: Cx, input: { trainingId: number; q: string }) {
  const t = await trainingInScope(cx, input.trainingId);
  const mine = scopeSql(cx.scope, cx.today);
  const theirs = scopeSql(await nodeScope(cx, t.organizerId), cx.today);
  const like = `%${input.q.trim()}%`;
  const members = await selectAll<{ memberId: number; name: string; unit: string | null }>(
    cx.db,
    sql`select m.id as memberId, m.name,
          case when ${mine.sets.orgs.editable("o")} or ${mine.sets.orgs.reference("o")} then o.name end as unit
        from members m left join orgs o on o.id = m.org_id
        where m.name like ${like} and m.status = 'normal'
          and (${mine.sets.members.editable("m")} or ${mine.sets.members.counted("m")})
          and (${theirs.sets.members.editable("m")} or ${theirs.sets.members.counted("m")})
        order by m.name, m.id limit 20`,
  );
  const instructors = await selectAll<{ instructorId: number; name: string; unit: string | null }>(
    cx.db,
    sql`select i.id as instructorId, i.name, i.number as unit from instructors i
        where i.name like ${like}
          and (${mine.sets.instructors.editable("i")} or ${mine.sets.instructors.reference("i")})
          and (${theirs.sets.instructors.editable("i")} or ${theirs.sets.instructors.reference("i")})
        order by i.name, i.id limit 20`,
  );
  const owners = await selectAll<{ hostId: number; name: string; unit: string }>(
    cx.db,
    sql`select h.id as hostId, h.owner_name as name, h.name as unit from hosts h
        where h.owner_name is not null and h.closed_on is null and (h.owner_name like ${like} or h.name like ${like})
          and (${mine.sets.hosts.editable("h")} or ${mine.sets.hosts.reference("h")})
          and (${theirs.sets.hosts.editable("h")} or ${theirs.sets.hosts.reference("h")})
        order by h.name, h.id limit 20`,
  );
  return { members, instructors, owners };
}
