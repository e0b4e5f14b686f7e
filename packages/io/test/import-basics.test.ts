/**
 * The five-basics sheets of the import (五个基本): each bad value gives one Chinese error naming the sheet,
 * row and column, and nothing is written; a valid file writes the records (again: nothing changes); below
 * the city a row of another area's organization or member is one scope message that names nothing of it.
 */
import { type Db } from "@liangxin/db/driver";
import { beforeAll, describe, expect, it } from "vitest";
import {
  applyImport,
  ImportRefused,
  planImport,
  readImportFolder,
  scopeGate,
  totalCounts,
} from "../src/index.ts";
import { basicsOrgs, type BasicsOrg } from "./basics-records.ts";
import { demoDb, folder, scopeOf, tableState, TODAY } from "./helpers.ts";

let db: Db;
let org: BasicsOrg;
let idOf: (memberId: number) => string;
let secretaryId: string;

beforeAll(async () => {
  db = await demoDb();
  org = basicsOrgs(db, 1)[0]!;
  idOf = (id) => db.$client.prepare("select id_number from members where id = ?").pluck().get(id) as string;
  secretaryId = idOf(org.secretaryMemberId);
});

const csv = (header: string, ...rows: string[]) => [header, ...rows].join("\r\n") + "\r\n";

/** The file of one organization's five basics, all valid. */
function validFiles(): Record<string, string> {
  const [a, b] = org.memberIds.map(idOf) as [string, string];
  const shared = db.$client.prepare("select code from orgs where parent_id is null").pluck().get() as string;
  return {
    "committee.csv": csv(
      "组织代码,公民身份号码,职务,开始日期,结束日期,进入董事会",
      `${org.code},${a},组织委员,2023-01-01,2025-01-01,是`,
      `${org.code},${a},副书记,2025-01-01,,否`,
    ),
    "reserve-cadres.csv": csv("组织代码,公民身份号码,开始日期", `${org.code},${b},2025-06-01`),
    "secretary-terms.csv": csv(
      "组织代码,书记公民身份号码,书记类型,书记来源",
      `${org.code},${secretaryId},兼职,工会主席`,
    ),
    "secretary-allowances.csv": csv(
      "组织代码,书记公民身份号码,工作津贴(元/月),开始日期",
      `${org.code},${secretaryId},500.5,2024-01-01`,
    ),
    "venues.csv": csv(
      "场所名称,组织代码,运营单位代码,检查日期,状况,面积(平方米),配备",
      `党员活动室,${org.code},,2025-02-01,达标,60,电教设备;办公桌椅；党旗;党徽;报刊图书`,
      `市党群服务中心,,${shared},2025-02-01,达标,300,党旗;党徽`,
    ),
    "venue-links.csv": csv(
      "运营单位代码,场所名称,组织代码,开始日期",
      `${shared},市党群服务中心,${org.code},2025-03-01`,
    ),
    "org-rules.csv": csv(
      "组织代码,制度,建立日期,废止日期",
      `${org.code},三会一课,2023-05-01,`,
      `${org.code},党费收缴,2023-05-01,2024-05-01`,
    ),
    "funds.csv": csv("组织代码,年度,经费来源,金额(万元)", `${org.code},2025,管理费列支,1.234567`),
  };
}

describe("the five-basics sheets", () => {
  it("write every record through the write model; importing the same file again changes nothing", async () => {
    const dir = folder(validFiles());
    const plan = await planImport(db, readImportFolder(dir), { today: TODAY });
    expect(plan.errors).toEqual([]);
    expect(plan.counts.committee_members.created).toBe(2);
    expect(plan.counts.venue_checks.created).toBe(2);
    await applyImport(db, plan, { userId: null, username: "test" });
    const q = (sql: string, ...p: (string | number)[]) => db.$client.prepare(sql).all(...p);
    expect(q("select amount_fen as fen from org_funds where org_id = ?", org.orgId)).toEqual([
      { fen: 1_234_567 },
    ]);
    expect(q("select kind, source from secretaries where id = ?", org.secretaryTermId)).toEqual([
      { kind: "partTime", source: "unionChair" },
    ]);
    expect(
      q("select monthly_fen as fen from secretary_allowances where secretary_id = ?", org.secretaryTermId),
    ).toEqual([{ fen: 50_050 }]);
    expect(
      q(
        `select c.status, c.has_av + c.has_furniture + c.has_flag + c.has_emblem + c.has_reading as n
         from venue_checks c join venues v on v.id = c.venue_id where v.org_id = ?`,
        org.orgId,
      ),
    ).toEqual([{ status: "standard", n: 5 }]);
    const again = await planImport(db, readImportFolder(dir), { today: TODAY });
    expect(again.errors).toEqual([]);
    expect(totalCounts(again.counts).created + totalCounts(again.counts).updated).toBe(0);
  });

  it("refuse bad values, over-precise or negative amounts, overlapping terms, a rule dropped before adopted: one error each, nothing written", async () => {
    const [a] = org.memberIds.map(idOf) as [string];
    const dir = folder({
      "committee.csv": csv(
        "组织代码,公民身份号码,职务,开始日期,结束日期",
        `${org.code},${a},组织委员,2020-01-01,2021-12-31`,
        `${org.code},${a},宣传委员,2021-06-01,2022-06-01`,
        `${org.code},${a},主任,2022-07-01,2022-08-01`,
        `${org.code},${a},书记,2022-09-01,2022-10-01`,
      ),
      "secretary-terms.csv": csv(
        "组织代码,书记公民身份号码,书记类型,书记来源,任职日期,离任日期",
        `${org.code},${secretaryId},专职,外聘,,`,
        // An earlier term of another member, overlapping the current secretary's.
        `${org.code},${a},兼职,,2023-06-01,2024-06-01`,
      ),
      "venues.csv": csv(
        "场所名称,组织代码,检查日期,状况,配备",
        `活动室,${org.code},2024-01-01,很好,`,
        `活动室,${org.code},2024-02-01,达标,党旗;电视机`,
      ),
      "org-rules.csv": csv("组织代码,制度,建立日期,废止日期", `${org.code},主题党日,2024-05-01,2024-04-01`),
      "funds.csv": csv(
        "组织代码,年度,经费来源,金额(万元)",
        `${org.code},2024,党费返还,-1`,
        `${org.code},2024,财政补助,1.2345678`,
        `${org.code},2024,上级拨款,1`,
      ),
    });
    const before = tableState(db);
    const plan = await planImport(db, readImportFolder(dir), { today: TODAY });
    const where = plan.errors.map((e) => `${e.sheet}:${e.row}:${e.column}`);
    expect(where.sort()).toEqual(
      [
        "committee.csv:3:开始日期",
        "committee.csv:4:职务",
        "committee.csv:5:职务",
        "secretary-terms.csv:2:书记来源",
        "secretary-terms.csv:3:任职日期",
        "venues.csv:2:状况",
        "venues.csv:3:配备",
        "org-rules.csv:2:废止日期",
        "funds.csv:2:金额(万元)",
        "funds.csv:3:金额(万元)",
        "funds.csv:4:经费来源",
      ].sort(),
    );
    const reason = (w: string) => plan.errors.find((e) => `${e.sheet}:${e.row}:${e.column}` === w)!.reason;
    expect(reason("committee.csv:3:开始日期")).toBe("与本表第2行重叠(2020-01-01 至 2021-12-31)");
    expect(reason("committee.csv:4:职务")).toContain("书记 / 副书记 / 组织委员");
    expect(reason("committee.csv:5:职务")).toContain("任该组织书记的期间之内");
    expect(reason("secretary-terms.csv:2:书记来源")).toContain("企业主 / 管理层 / 工会主席 / 选派");
    expect(reason("secretary-terms.csv:3:任职日期")).toContain("与该组织另一书记的任期重叠");
    expect(reason("venues.csv:2:状况")).toContain("无 / 不达标 / 不配套 / 达标");
    expect(reason("venues.csv:3:配备")).toContain("“电视机”不在可选值之内");
    expect(reason("org-rules.csv:2:废止日期")).toBe("废止日期须晚于建立日期");
    expect(reason("funds.csv:2:金额(万元)")).toBe("金额(万元)应为不小于0的数字");
    expect(reason("funds.csv:3:金额(万元)")).toContain("最多精确到分");
    expect(plan.changes).toEqual([]);
    await expect(applyImport(db, plan, { userId: null, username: "test" })).rejects.toThrow(ImportRefused);
    expect(tableState(db)).toBe(before);
  });

  it("refuse every row a long period overlaps, not only the next one", async () => {
    const dir = folder({
      "org-rules.csv": csv(
        "组织代码,制度,建立日期,废止日期",
        `${org.code},组织生活会,2019-01-01,`,
        `${org.code},组织生活会,2020-01-01,2020-06-01`,
        `${org.code},组织生活会,2021-01-01,2021-06-01`,
      ),
    });
    const plan = await planImport(db, readImportFolder(dir), { today: TODAY });
    expect(plan.errors.map((e) => `${e.row}:${e.column}:${e.reason}`)).toEqual([
      "3:建立日期:与本表第2行重叠(2019-01-01 至 今)",
      "4:建立日期:与本表第2行重叠(2019-01-01 至 今)",
    ]);
  });

  it("refuse a committee term overlapping one in the database, naming the stored record", async () => {
    const [a] = org.memberIds.map(idOf) as [string];
    // The first test stored a post from 2025-01-01, open.
    const dir = folder({
      "committee.csv": csv("组织代码,公民身份号码,职务,开始日期", `${org.code},${a},委员,2025-06-01`),
    });
    const plan = await planImport(db, readImportFolder(dir), { today: TODAY });
    expect(plan.errors).toEqual([
      {
        sheet: "committee.csv",
        row: 2,
        column: "开始日期",
        value: "2025-06-01",
        reason: "与数据库中已有记录重叠(2025-01-01 至 今)",
      },
    ]);
  });

  it("below the city: another area's organization or member is one scope message, copied or changed alike", async () => {
    const township = await scopeOf(db, "township");
    const other = db.$client
      .prepare(
        `select o.code from orgs o where o.category in ('branch', 'jointBranch', 'generalBranch', 'committee')
         and o.path not like ? || '%' order by o.id limit 1`,
      )
      .pluck()
      .get(township.org!.path) as string;
    const gate = async (amount: string) =>
      scopeGate(
        db,
        readImportFolder(
          folder({
            "funds.csv": csv("组织代码,年度,经费来源,金额(万元)", `${other},2025,党费返还,${amount}`),
            "org-rules.csv": csv("组织代码,制度,建立日期", `${other},三会一课,2023-05-01`),
          }),
        ),
        township,
        TODAY,
      );
    const a = await gate("1");
    const b = await gate("2.5");
    expect(a.errors.map((e) => `${e.sheet}:${e.row}`).sort()).toEqual(["funds.csv:2", "org-rules.csv:2"]);
    expect(b.errors).toEqual(a.errors);
    for (const e of a.errors) {
      expect(e.reason).toContain("管辖范围");
      expect(e.value).toBe("");
    }
    expect(JSON.stringify(a.errors)).not.toContain(other);
    expect(a.parsed.tables.funds).toEqual([]);
  });

  it("below the city: a committee row of the caller's own organization naming another area's member is out of scope", async () => {
    const township = await scopeOf(db, "township");
    const own = db.$client
      .prepare(
        `select code from orgs where category in ('branch', 'jointBranch', 'generalBranch', 'committee')
         and path like ? || '%' order by id limit 1`,
      )
      .pluck()
      .get(township.org!.path) as string;
    const stranger = db.$client
      .prepare(
        `select m.id_number from members m join orgs o on o.id = m.org_id
         where o.path not like ? || '%' and m.status = 'normal' order by m.id limit 1`,
      )
      .pluck()
      .get(township.org!.path) as string;
    const res = await scopeGate(
      db,
      readImportFolder(
        folder({
          "committee.csv": csv("组织代码,公民身份号码,职务,开始日期", `${own},${stranger},委员,2025-01-01`),
        }),
      ),
      township,
      TODAY,
    );
    expect(res.errors).toEqual([
      { sheet: "committee.csv", row: 2, column: "", value: "", reason: expect.stringContaining("管辖范围") },
    ]);
    expect(JSON.stringify(res.errors)).not.toContain(stranger);
  });
});
