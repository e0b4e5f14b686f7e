/**
 * The cadre-work sheets of the import (培训 to 走访记录): a valid file writes a record of each table (again:
 * nothing changes); a duplicate or overlapping row, or one against a rule of the domain, is an error naming
 * the sheet, row and column, and nothing is written; below the city a row of a node, person or leader
 * outside the caller's set is one scope message; a county's export imports back into its database unchanged.
 */
import path from "node:path";
import { type Db } from "@liangxin/db/driver";
import { HONOUR_LEVEL_LABELS } from "@liangxin/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  applyImport,
  exportImportWorkbook,
  ioMessages as m,
  planImport,
  readImportFolder,
  readImportWorkbook,
  scopeGate,
  totalCounts,
} from "../src/index.ts";
import { cadreTargets, type CadreTargets } from "./cadre-records.ts";
import { demoDb, folder, scopeOf, tableState, tmpDir, TODAY } from "./helpers.ts";

let db: Db;
let t: CadreTargets;

beforeAll(async () => {
  db = await demoDb();
  t = await cadreTargets(db);
});

const csv = (header: string, ...rows: string[]) => [header, ...rows].join("\r\n") + "\r\n";
const TOWNSHIP_LEVEL = HONOUR_LEVEL_LABELS.township;

/** One row or more of each of the nine sheets, all valid. */
function validFiles(): Record<string, string> {
  const { countyCode: county, townshipCode: township, branchCode: branch, hostCode: host } = t;
  const training = `${county},2025-05-06,指导员轮训`;
  return {
    "trainings.csv": csv(
      "主办单位代码,培训名称,培训类别,开始日期,结束日期,地点,学时",
      `${county},指导员轮训,指导员培训,2025-05-06,2025-05-07,县委党校,12`,
    ),
    "training-participants.csv": csv(
      "主办单位代码,开始日期,培训名称,公民身份号码,指导员编号,出资人单位信用代码",
      `${training},${t.secretaryIdNumber},,`,
      `${training},,${t.instructorNumber},`,
      `${training},,,${host}`,
    ),
    "instructor-assessments.csv": csv(
      "指导员编号,年度,考核等次,评语,考核日期,考核单位代码",
      `${t.instructorNumber},2024,称职,,2024-12-28,`,
    ),
    "secretary-reviews.csv": csv(
      "组织代码,书记公民身份号码,年度,评议等次,评议日期",
      `${branch},${t.secretaryIdNumber},2024,好,2025-01-20`,
    ),
    "five-good.csv": csv(
      "组织代码,年度,申请日期,评审结果,命名级别,评审日期,评审单位代码",
      `${branch},2024,2024-09-01,授予,县级,2024-12-01,${county}`,
    ),
    "showcases.csv": csv(
      "组织代码,统一社会信用代码,级别,命名单位代码,开始日期,结束日期,命名理由",
      `${branch},,${TOWNSHIP_LEVEL},${township},2025-01-01,,规范化建设`,
    ),
    "leaders.csv": csv("姓名,单位,职务,登记单位代码", `李明,镇党委,副书记,${township}`),
    "contact-points.csv": csv(
      "领导姓名,领导单位,组织代码,统一社会信用代码,开始日期,结束日期",
      `李明,镇党委,,${host},2025-02-01,`,
    ),
    "contact-visits.csv": csv(
      "领导姓名,领导单位,组织代码,统一社会信用代码,走访日期,走访内容,发现问题,跟进整改",
      `李明,镇党委,,${host},2025-06-01,走访企业,用工紧张,对接人社`,
    ),
  };
}

describe("the cadre-work sheets", () => {
  it("write a record of each sheet; importing the same file again changes nothing", async () => {
    const dir = folder(validFiles());
    const plan = await planImport(db, readImportFolder(dir), { today: TODAY });
    expect(plan.errors).toEqual([]);
    expect(plan.counts.trainings.created).toBe(1);
    expect(plan.counts.training_participants.created).toBe(3);
    for (const table of [
      "instructor_assessments",
      "secretary_reviews",
      "five_good_awards",
      "showcases",
      "leaders",
      "contact_points",
      "contact_visits",
    ] as const)
      expect(plan.counts[table].created, table).toBe(1);
    await applyImport(db, plan, { userId: null, username: "test" });
    const q = (sql: string, ...p: (string | number)[]) => db.$client.prepare(sql).get(...p);
    // The default assessor is the instructor's dispatcher (or registrar); the default reviewer the parent.
    expect(
      q("select assessed_by_id as a from instructor_assessments where instructor_id = ?", t.instructorId),
    ).toEqual({ a: t.assessorId });
    expect(q("select reviewed_by_id as r from secretary_reviews where org_id = ?", t.branchId)).toEqual({
      r: t.branchParentId,
    });
    expect(
      q(
        `select p.kind, p.host_id as h from training_participants p join trainings x on x.id = p.training_id
         where p.host_id is not null and x.title = '指导员轮训'`,
      ),
    ).toEqual({
      kind: "owner",
      h: t.hostId,
    });

    const again = await planImport(db, readImportFolder(dir), { today: TODAY });
    expect(again.errors).toEqual([]);
    expect(totalCounts(again.counts).created + totalCounts(again.counts).updated).toBe(0);
  });

  it("refuse a duplicate, an overlapping or a rule-breaking row, naming sheet, row and column", async () => {
    const { countyCode: county, townshipCode: township, branchCode: branch, hostCode: host } = t;
    const wrongAssessor = t.assessorCode === county ? township : county;
    // A member held in another county, who never worked in this one.
    const stranger = db.$client
      .prepare(
        `select m.id_number from members m join orgs o on o.id = m.org_id where o.path not like ? || '%'
         and m.work_host_id is null and not exists (select 1 from member_relationships r join orgs x on x.id = r.org_id
           where r.member_id = m.id and x.path like ? || '%')
         and not exists (select 1 from member_workplaces w where w.member_id = m.id) order by m.id limit 1`,
      )
      .pluck()
      .get((await scopeOf(db, "county")).org!.path, (await scopeOf(db, "county")).org!.path) as string;
    const before = tableState(db);
    const plan = await planImport(
      db,
      readImportFolder(
        folder({
          "instructor-assessments.csv": csv(
            "指导员编号,年度,考核等次,考核日期,考核单位代码",
            `${t.instructorNumber},2023,优秀,2023-12-20,`,
            `${t.instructorNumber},2023,称职,2023-12-21,`,
            `${t.instructorNumber},2022,称职,2022-12-21,${wrongAssessor}`,
          ),
          "training-participants.csv": csv(
            "主办单位代码,开始日期,培训名称,公民身份号码",
            `${county},2025-05-06,指导员轮训,${t.memberIdNumbers[0]}`,
            `${county},2025-05-06,指导员轮训,${t.memberIdNumbers[0]}`,
            `${county},2025-05-07,指导员轮训,${t.memberIdNumbers[1]}`,
            `${county},2025-05-06,指导员轮训,${stranger}`,
          ),
          "secretary-reviews.csv": csv(
            "组织代码,书记公民身份号码,年度,评议等次,评议日期",
            `${branch},${t.secretaryIdNumber},2024,较好,2025-01-21`,
            `${branch},${t.secretaryIdNumber},2024,一般,2025-01-22`,
          ),
          "five-good.csv": csv(
            "组织代码,年度,申请日期,评审结果,命名级别,评审日期,评审单位代码",
            `${branch},2023,2023-09-01,授予,,2023-12-01,${county}`,
          ),
          "showcases.csv": csv(
            "组织代码,统一社会信用代码,级别,命名单位代码,开始日期,命名理由",
            `${branch},,${TOWNSHIP_LEVEL},${township},2025-06-01,又一次`,
            `${branch},${host},${TOWNSHIP_LEVEL},${township},2025-06-01,两者`,
          ),
          "contact-points.csv": csv(
            "领导姓名,领导单位,统一社会信用代码,开始日期",
            `李明,镇党委,${host},2025-03-01`,
          ),
          "contact-visits.csv": csv(
            "领导姓名,领导单位,统一社会信用代码,走访日期,走访内容",
            `李明,镇党委,${host},2025-01-15,早于联系`,
          ),
        }),
      ),
      { today: TODAY },
    );
    const at = (sheet: string, row: number) => plan.errors.filter((e) => e.sheet === sheet && e.row === row);
    expect(at("instructor-assessments.csv", 3)).toEqual([
      expect.objectContaining({ column: "年度", reason: m.duplicateKey(`${t.instructorNumber} 2023`) }),
    ]);
    expect(at("instructor-assessments.csv", 4)).toEqual([
      expect.objectContaining({ column: "考核单位代码", reason: m.assessorMismatch(t.assessorCode) }),
    ]);
    expect(at("training-participants.csv", 3)).toEqual([
      expect.objectContaining({ column: "培训名称", reason: expect.stringContaining("重复") }),
    ]);
    expect(at("training-participants.csv", 4)).toEqual([
      expect.objectContaining({ column: "培训名称", reason: m.trainingMissing }),
    ]);
    expect(at("training-participants.csv", 5)).toEqual([
      expect.objectContaining({ column: "公民身份号码", reason: m.participantOutsideOrganizer }),
    ]);
    expect(at("secretary-reviews.csv", 3)).toEqual([
      expect.objectContaining({ column: "年度", reason: expect.stringContaining("重复") }),
    ]);
    expect(at("five-good.csv", 2)).toEqual([
      expect.objectContaining({ column: "命名级别", reason: m.awardLevelRequired }),
    ]);
    expect(at("showcases.csv", 2)).toEqual([
      expect.objectContaining({ column: "开始日期", reason: m.overlaps(m.dbRecord, "2025-01-01", null) }),
    ]);
    expect(at("showcases.csv", 3)).toEqual([
      expect.objectContaining({ column: "统一社会信用代码", reason: m.subjectBoth }),
    ]);
    expect(at("contact-points.csv", 2)).toEqual([
      expect.objectContaining({ column: "开始日期", reason: m.overlaps(m.dbRecord, "2025-02-01", null) }),
    ]);
    expect(at("contact-visits.csv", 2)).toEqual([
      expect.objectContaining({ column: "走访日期", reason: m.visitOutsidePoint }),
    ]);
    expect(plan.changes).toEqual([]);
    expect(tableState(db)).toBe(before);
  });

  it("below the city: another node's training, assessment, review or leader is one scope message", async () => {
    const township = await scopeOf(db, "township");
    const outsider = db.$client
      .prepare(
        `select i.number from instructors i join orgs a on a.id = coalesce(i.dispatch_org_id, i.registered_by_id)
         where a.path not like ? || '%' order by i.id limit 1`,
      )
      .pluck()
      .get(township.org!.path) as string;
    const res = await scopeGate(
      db,
      readImportFolder(
        folder({
          "trainings.csv": csv(
            "主办单位代码,培训名称,培训类别,开始日期,结束日期",
            `${t.countyCode},县级培训,书记培训,2025-01-01,2025-01-02`,
            `${t.townshipCode},镇级培训,党员培训,2025-01-01,2025-01-02`,
          ),
          "instructor-assessments.csv": csv(
            "指导员编号,年度,考核等次,考核日期",
            `${outsider},2025,优秀,2025-12-01`,
          ),
          "secretary-reviews.csv": csv(
            "组织代码,书记公民身份号码,年度,评议等次,评议日期,评议单位代码",
            `${t.branchCode},${t.secretaryIdNumber},2025,好,2026-01-05,${t.countyCode}`,
          ),
          "leaders.csv": csv("姓名,单位,职务,登记单位代码", `王建国,县人民政府,副县长,${t.countyCode}`),
        }),
      ),
      township,
      TODAY,
    );
    expect(res.errors.map((e) => `${e.sheet}:${e.row}`).sort()).toEqual([
      "instructor-assessments.csv:2",
      "leaders.csv:2",
      "secretary-reviews.csv:2",
      "trainings.csv:2",
    ]);
    for (const e of res.errors) {
      expect(e.reason).toBe(m.outOfScopeRow);
      expect(e.value).toBe("");
    }
    expect(JSON.stringify(res.errors)).not.toContain(t.countyCode);
    expect(JSON.stringify(res.errors)).not.toContain(outsider);
    expect(res.parsed.tables.trainings.map((r) => r.title)).toEqual(["镇级培训"]);
  });

  it("a key that names no record is an error on its cell (not found)", async () => {
    const plan = await planImport(
      db,
      readImportFolder(
        folder({
          "instructor-assessments.csv": csv(
            "指导员编号,年度,考核等次,考核日期",
            `NO-SUCH-1,2025,优秀,2025-12-01`,
          ),
          "contact-points.csv": csv(
            "领导姓名,领导单位,组织代码,开始日期",
            `无此人,某单位,${t.branchCode},2025-01-01`,
          ),
        }),
      ),
      { today: TODAY },
    );
    expect(plan.errors).toEqual([
      expect.objectContaining({ sheet: "instructor-assessments.csv", row: 2, reason: m.instructorMissing }),
      expect.objectContaining({ sheet: "contact-points.csv", row: 2, reason: m.leaderMissing }),
    ]);
  });

  it("a county's and a township's export hold their own records and import back unchanged", async () => {
    // The branch's 2024 award, imported above (the demo has awards of its own in both exports).
    const ownAward = (rows: { orgCode: string; year: number }[]) =>
      rows.filter((r) => r.orgCode === t.branchCode && r.year === 2024);
    for (const who of ["county", "township"] as const) {
      const scope = await scopeOf(db, who);
      const file = path.join(tmpDir(), `${who}.xlsx`);
      await exportImportWorkbook(db, scope, file, { today: TODAY });
      const parsed = await readImportWorkbook(file);
      expect(parsed.errors).toEqual([]);
      const trainings = parsed.tables.trainings.map((r) => r.title);
      if (who === "county") {
        expect(trainings).toContain("指导员轮训");
        expect(parsed.tables.trainingParticipants.length).toBeGreaterThanOrEqual(3);
        expect(ownAward(parsed.tables.fiveGood)).toHaveLength(1);
      } else {
        // The county's training and its award are the county's records.
        expect(trainings).not.toContain("指导员轮训");
        expect(ownAward(parsed.tables.fiveGood)).toEqual([]);
      }
      expect(parsed.tables.leaders.map((r) => r.name)).toContain("李明");
      expect(parsed.tables.contactVisits.length).toBeGreaterThanOrEqual(1);
      const gate = await scopeGate(db, parsed, scope, TODAY);
      expect(gate.errors, who).toEqual([]);
      const plan = await planImport(db, gate.parsed, { today: TODAY });
      expect(plan.errors, who).toEqual([]);
      expect(plan.changes.slice(0, 3), who).toEqual([]);
    }
  });
});
