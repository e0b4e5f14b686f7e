/**
 * Access-matrix rows of `training.*` (培训): administrators of management nodes organize trainings for their
 * subtree and read the shares; a person's history is read by whoever sees the person (organization-bound
 * roles). Another area's training, person or node does not exist. (Rows marked as mutating run on a copy.)
 */
import { type Db } from "@liangxin/db/driver";
import { type Role, type World } from "./fixtures-views.ts";
import { ADMINS, allow, foreignSubtree, NONE, nodeOf, subtreeOf, val, type Entry } from "./matrix-kit.ts";
import { ORG_BOUND } from "./matrix-work.ts";
import { one } from "./sql-kit.ts";

/** A training organized by the role's node (the owner: the township's). */
const trainingOf = async (db: Db, r: Role): Promise<number> =>
  await one(
    db,
    `insert into trainings (organizer_id, title, kind, start_on, end_on, hours, created_at)
       values (?, '书记培训班', 'secretary', '2026-11-02', '2026-11-03', 16, '2026-12-03T02:00:00.000Z') returning id`,
    await nodeOf(db, r),
  );

/** A training organized by the other county. */
const foreignTraining = async (db: Db, r: Role, w: World): Promise<number> =>
  r === "city"
    ? NONE
    : await one(
        db,
        `insert into trainings (organizer_id, title, kind, start_on, end_on, created_at)
           values (?, '青山县书记培训班', 'secretary', '2026-11-02', '2026-11-03', '2026-12-03T02:00:00.000Z') returning id`,
        w.ids.foreignOrg,
      );

/** A member held in the role's subtree, in good standing. */
const memberIn = async (db: Db, r: Role): Promise<number> =>
  await val(
    db,
    "select m.id from members m join orgs o on o.id = m.org_id where o.path like ? and m.status = 'normal' order by m.id limit 1",
    await subtreeOf(db, r),
  );

const foreignMember = async (db: Db, r: Role, w: World): Promise<number> =>
  r === "city"
    ? NONE
    : await val(
        db,
        `select m.id from members m join orgs o on o.id = m.org_id where o.path like ?
         and not exists (select 1 from member_workplaces w where w.member_id = m.id) order by m.id limit 1`,
        await foreignSubtree(db, w),
      );

const foreignNode = (r: Role, w: World): number => (r === "city" ? NONE : w.ids.foreignOrg);

const fields = {
  title: "书记培训班",
  kind: "secretary" as const,
  startOn: "2026-11-20",
  endOn: "2026-11-21",
  place: "县委党校",
  hours: 16,
};

/** A participation in the role's own training (a member of its subtree). */
const participationOf = async (db: Db, r: Role): Promise<number> =>
  await one(
    db,
    "insert into training_participants (training_id, kind, member_id) values (?, 'member', ?) returning id",
    await trainingOf(db, r),
    await memberIn(db, r),
  );

export const TRAINING_MATRIX: Record<string, Entry> = {
  "training.list": { expect: allow([...ADMINS]), own: (c) => c.training.list({ year: 2026 }) },
  "training.get": {
    expect: allow([...ADMINS]),
    own: async (c, r, _w, db) => c.training.get({ id: await trainingOf(db, r) }),
    foreign: async (c, r, w, db) => c.training.get({ id: await foreignTraining(db, r, w) }),
    mutates: true,
  },
  "training.create": {
    expect: allow([...ADMINS]),
    own: (c) => c.training.create(fields),
    foreign: (c, r, w) => c.training.create({ ...fields, organizerId: foreignNode(r, w) }),
    mutates: true,
  },
  "training.update": {
    expect: allow([...ADMINS]),
    own: async (c, r, _w, db) => c.training.update({ id: await trainingOf(db, r), version: 1, ...fields }),
    foreign: async (c, r, w, db) =>
      c.training.update({ id: await foreignTraining(db, r, w), version: 1, ...fields }),
    mutates: true,
  },
  "training.addParticipant": {
    expect: allow([...ADMINS]),
    own: async (c, r, _w, db) =>
      c.training.addParticipant({
        trainingId: await trainingOf(db, r),
        kind: "member",
        personId: await memberIn(db, r),
      }),
    foreign: [
      async (c, r, w, db) =>
        c.training.addParticipant({
          trainingId: await foreignTraining(db, r, w),
          kind: "member",
          personId: await memberIn(db, r),
        }),
      async (c, r, w, db) =>
        c.training.addParticipant({
          trainingId: await trainingOf(db, r),
          kind: "member",
          personId: await foreignMember(db, r, w),
        }),
    ],
    mutates: true,
  },
  "training.removeParticipant": {
    expect: allow([...ADMINS]),
    own: async (c, r, _w, db) => c.training.removeParticipant({ id: await participationOf(db, r) }),
    foreign: async (c, r, w, db) =>
      c.training.removeParticipant({
        id:
          r === "city"
            ? NONE
            : await one(
                db,
                "insert into training_participants (training_id, kind, member_id) values (?, 'member', ?) returning id",
                await foreignTraining(db, r, w),
                await foreignMember(db, r, w),
              ),
      }),
    mutates: true,
  },
  "training.candidates": {
    expect: allow([...ADMINS]),
    own: async (c, r, _w, db) => c.training.candidates({ trainingId: await trainingOf(db, r), q: "张" }),
    foreign: async (c, r, w, db) =>
      c.training.candidates({ trainingId: await foreignTraining(db, r, w), q: "张" }),
    mutates: true,
  },
  "training.history": {
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) => c.training.history({ memberId: await memberIn(db, r) }),
    foreign: async (c, r, w, db) => c.training.history({ memberId: await foreignMember(db, r, w) }),
  },
  "training.shares": {
    expect: allow([...ADMINS]),
    own: (c) => c.training.shares(),
    foreign: (c, r, w) => c.training.shares({ orgId: foreignNode(r, w) }),
  },
  "training.untrained": {
    expect: allow([...ADMINS]),
    own: async (c, r, _w, db) => c.training.untrained({ orgId: await nodeOf(db, r), group: "secretary" }),
    foreign: (c, r, w) => c.training.untrained({ orgId: foreignNode(r, w), group: "instructor" }),
  },
};
