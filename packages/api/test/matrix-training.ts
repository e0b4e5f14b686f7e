/**
 * Access-matrix rows of `training.*` (培训): administrators of management nodes organize trainings for their
 * subtree and read the shares; a person's history is read by whoever sees the person (organization-bound
 * roles). Another area's training, person or node does not exist. (Rows marked as mutating run on a copy.)
 */
import { type Db } from "@liangxin/db/driver";
import { type Role, type World } from "./fixtures-views.ts";
import { ADMINS, allow, foreignSubtree, NONE, nodeOf, subtreeOf, val, type Entry } from "./matrix-kit.ts";
import { ORG_BOUND } from "./matrix-work.ts";

/** A training organized by the role's node (the owner: the township's). */
const trainingOf = (db: Db, r: Role): number =>
  db.$client
    .prepare(
      `insert into trainings (organizer_id, title, kind, start_on, end_on, hours, created_at)
       values (?, '书记培训班', 'secretary', '2026-11-02', '2026-11-03', 16, '2026-12-03T02:00:00.000Z') returning id`,
    )
    .pluck()
    .get(nodeOf(db, r)) as number;

/** A training organized by the other county. */
const foreignTraining = (db: Db, r: Role, w: World): number =>
  r === "city"
    ? NONE
    : (db.$client
        .prepare(
          `insert into trainings (organizer_id, title, kind, start_on, end_on, created_at)
           values (?, '青山县书记培训班', 'secretary', '2026-11-02', '2026-11-03', '2026-12-03T02:00:00.000Z') returning id`,
        )
        .pluck()
        .get(w.ids.foreignOrg) as number);

/** A member held in the role's subtree, in good standing. */
const memberIn = (db: Db, r: Role): number =>
  val(
    db,
    "select m.id from members m join orgs o on o.id = m.org_id where o.path glob ? and m.status = 'normal' order by m.id limit 1",
    subtreeOf(db, r),
  );

const foreignMember = (db: Db, r: Role, w: World): number =>
  r === "city"
    ? NONE
    : val(
        db,
        `select m.id from members m join orgs o on o.id = m.org_id where o.path glob ?
         and not exists (select 1 from member_workplaces w where w.member_id = m.id) order by m.id limit 1`,
        foreignSubtree(db, w),
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
const participationOf = (db: Db, r: Role): number =>
  db.$client
    .prepare(
      "insert into training_participants (training_id, kind, member_id) values (?, 'member', ?) returning id",
    )
    .pluck()
    .get(trainingOf(db, r), memberIn(db, r)) as number;

export const TRAINING_MATRIX: Record<string, Entry> = {
  "training.list": { expect: allow([...ADMINS]), own: (c) => c.training.list({ year: 2026 }) },
  "training.get": {
    expect: allow([...ADMINS]),
    own: (c, r, _w, db) => c.training.get({ id: trainingOf(db, r) }),
    foreign: (c, r, w, db) => c.training.get({ id: foreignTraining(db, r, w) }),
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
    own: (c, r, _w, db) => c.training.update({ id: trainingOf(db, r), version: 1, ...fields }),
    foreign: (c, r, w, db) => c.training.update({ id: foreignTraining(db, r, w), version: 1, ...fields }),
    mutates: true,
  },
  "training.addParticipant": {
    expect: allow([...ADMINS]),
    own: (c, r, _w, db) =>
      c.training.addParticipant({ trainingId: trainingOf(db, r), kind: "member", personId: memberIn(db, r) }),
    foreign: [
      (c, r, w, db) =>
        c.training.addParticipant({
          trainingId: foreignTraining(db, r, w),
          kind: "member",
          personId: memberIn(db, r),
        }),
      (c, r, w, db) =>
        c.training.addParticipant({
          trainingId: trainingOf(db, r),
          kind: "member",
          personId: foreignMember(db, r, w),
        }),
    ],
    mutates: true,
  },
  "training.removeParticipant": {
    expect: allow([...ADMINS]),
    own: (c, r, _w, db) => c.training.removeParticipant({ id: participationOf(db, r) }),
    foreign: (c, r, w, db) =>
      c.training.removeParticipant({
        id:
          r === "city"
            ? NONE
            : (db.$client
                .prepare(
                  "insert into training_participants (training_id, kind, member_id) values (?, 'member', ?) returning id",
                )
                .pluck()
                .get(foreignTraining(db, r, w), foreignMember(db, r, w)) as number),
      }),
    mutates: true,
  },
  "training.candidates": {
    expect: allow([...ADMINS]),
    own: (c, r, _w, db) => c.training.candidates({ trainingId: trainingOf(db, r), q: "张" }),
    foreign: (c, r, w, db) => c.training.candidates({ trainingId: foreignTraining(db, r, w), q: "张" }),
    mutates: true,
  },
  "training.history": {
    expect: allow([...ORG_BOUND]),
    own: (c, r, _w, db) => c.training.history({ memberId: memberIn(db, r) }),
    foreign: (c, r, w, db) => c.training.history({ memberId: foreignMember(db, r, w) }),
  },
  "training.shares": {
    expect: allow([...ADMINS]),
    own: (c) => c.training.shares(),
    foreign: (c, r, w) => c.training.shares({ orgId: foreignNode(r, w) }),
  },
  "training.untrained": {
    expect: allow([...ADMINS]),
    own: (c, r, _w, db) => c.training.untrained({ orgId: nodeOf(db, r), group: "secretary" }),
    foreign: (c, r, w) => c.training.untrained({ orgId: foreignNode(r, w), group: "instructor" }),
  },
};
