/** 培训 through the API: a county's training raises its townships' shares, each person once; the scope. */
import { describe, expect, it } from "vitest";
import { useDemoCity } from "./demo-kit.ts";

const demo = useDemoCity({ shiqiao: "石桥镇" });
const { callerFor, audits } = demo;

const townshipId = (name: string) =>
  demo.db.$client
    .prepare("select id from orgs where category = 'townshipCommittee' and name like ?")
    .pluck()
    .get(`%${name}%`) as number;

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code: string; message: string };
    return { code: err.code, message: err.message };
  }
  return { code: "none", message: "" };
}

const fields = {
  title: "2026年两新党组织书记培训班",
  kind: "secretary" as const,
  startOn: "2026-12-01",
  endOn: "2026-12-02",
  place: "县委党校",
  hours: 16,
};

describe("training", () => {
  it("the county trains secretaries of two townships: each township's share rises, each person counted once", async () => {
    const county = callerFor("county");
    const liulin = townshipId("柳林镇");
    const shiqiao = townshipId("石桥镇");
    const before = await county.training.shares();
    const row = (s: typeof before, id: number) => s.rows.find((r) => r.orgId === id)!;
    expect(row(before, liulin)).toBeDefined();
    expect(row(before, shiqiao)).toBeDefined();

    const a = (await county.training.untrained({ orgId: liulin, group: "secretary" })).slice(0, 2);
    const b = (await county.training.untrained({ orgId: shiqiao, group: "secretary" })).slice(0, 1);
    expect(a.length).toBe(2);
    expect(b.length).toBe(1);

    const t = await county.training.create(fields);
    // The same organizer, start and title again (the import's key of a training): refused, nothing written.
    const created = audits("training.create");
    expect(await refusal(county.training.create({ ...fields, place: "另一地点" }))).toMatchObject({
      message: expect.stringContaining(`已有${fields.startOn}开始的“${fields.title}”培训`),
    });
    expect(audits("training.create")).toBe(created);
    for (const p of [...a, ...b])
      await county.training.addParticipant({ trainingId: t.id, kind: "member", personId: p.memberId! });
    // The same person again in another training of the year: still one person trained.
    const t2 = await county.training.create({
      ...fields,
      title: "书记专题轮训",
      startOn: "2026-12-03",
      endOn: "2026-12-03",
    });
    await county.training.addParticipant({ trainingId: t2.id, kind: "member", personId: a[0]!.memberId! });
    // A training that starts after the day trains no one yet.
    const later = await county.training.create({
      ...fields,
      title: "年底集训",
      startOn: "2026-12-20",
      endOn: "2026-12-21",
    });
    const untrainedLeft = await county.training.untrained({ orgId: shiqiao, group: "secretary" });
    if (untrainedLeft[0])
      await county.training.addParticipant({
        trainingId: later.id,
        kind: "member",
        personId: untrainedLeft[0].memberId!,
      });

    const after = await county.training.shares();
    expect(row(after, liulin).secretaries.trained).toBe(row(before, liulin).secretaries.trained + 2);
    expect(row(after, shiqiao).secretaries.trained).toBe(row(before, shiqiao).secretaries.trained + 1);
    expect(row(after, liulin).secretaries.share!).toBeGreaterThan(row(before, liulin).secretaries.share!);
    expect(after.node.secretaries.trained).toBe(before.node.secretaries.trained + 3);
    expect(after.node.secretaries.total).toBe(before.node.secretaries.total);
    // The county's figure is over the union of its persons: never more than the sum of its rows.
    const sum = after.rows.reduce((n, r) => n + r.secretaries.total, 0);
    expect(after.node.secretaries.total).toBeLessThanOrEqual(sum);

    const got = await county.training.get({ id: t.id });
    expect(got.participants.map((p) => p.memberId).sort()).toEqual(
      [...a, ...b].map((p) => p.memberId).sort(),
    );
    const history = await county.training.history({ memberId: a[0]!.memberId! });
    expect(history.map((h) => h.title).slice(0, 2)).toEqual(["书记专题轮训", fields.title]);

    // Another township's administrator: neither the training nor its share's persons exist.
    const other = callerFor("shiqiao");
    expect((await refusal(other.training.get({ id: t.id }))).code).toBe("NOT_FOUND");
    expect((await other.training.list()).map((x) => x.id)).not.toContain(t.id);
    expect((await refusal(other.training.untrained({ orgId: liulin, group: "secretary" }))).code).toBe(
      "NOT_FOUND",
    );
    // Its own secretary's history shows the county's training (its superior, by name).
    const own = await other.training.history({ memberId: b[0]!.memberId! });
    expect(own[0]).toMatchObject({ title: fields.title, inScope: false });
    expect(own[0]!.organizerName).toMatch(/县/);
  });

  it("participants come from the organizer's scope: outside the caller's, not found; outside the organizer's, refused in Chinese", async () => {
    const county = callerFor("county");
    const township = callerFor("township");
    const liulin = townshipId("柳林镇");
    const shiqiaoSecretary = (
      await county.training.untrained({ orgId: townshipId("石桥镇"), group: "secretary" })
    )[0]!;
    // Organized by 柳林镇 (the county records it for the township): a 石桥镇 secretary is not in its scope.
    const t = await county.training.create({ ...fields, organizerId: liulin, title: "柳林镇书记培训" });
    const r = await refusal(
      county.training.addParticipant({
        trainingId: t.id,
        kind: "member",
        personId: shiqiaoSecretary.memberId!,
      }),
    );
    expect(r.code).toBe("BAD_REQUEST");
    expect(r.message).toMatch(/不在.*柳林镇.*的管理范围内/);
    // The township's own administrator does not see the 石桥镇 secretary at all.
    const r2 = await refusal(
      township.training.addParticipant({
        trainingId: t.id,
        kind: "member",
        personId: shiqiaoSecretary.memberId!,
      }),
    );
    expect(r2.code).toBe("NOT_FOUND");
    // A training organized by a grassroots organization, or ending before it starts: refused.
    expect((await refusal(township.training.create({ ...fields, endOn: "2026-11-30" }))).message).toMatch(
      /早于/,
    );

    // Add then remove: the row goes, both audited.
    const own = (await township.training.untrained({ orgId: liulin, group: "secretary" }))[0]!;
    const p = await township.training.addParticipant({
      trainingId: t.id,
      kind: "member",
      personId: own.memberId!,
    });
    expect(
      (
        await refusal(
          township.training.addParticipant({ trainingId: t.id, kind: "member", personId: own.memberId! }),
        )
      ).message,
    ).toMatch(/已是本次培训的参训人员/);
    const removed = audits("trainingParticipant.remove");
    await township.training.removeParticipant({ id: p.id });
    expect(audits("trainingParticipant.remove")).toBe(removed + 1);
    expect((await township.training.get({ id: t.id })).participants).toEqual([]);
    expect(audits("training.create")).toBeGreaterThan(0);
  });
});
