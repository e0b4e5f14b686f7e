/**
 * The enterprise ledger (非公企业党建工作台账): one row per host unit operating in the caller's territory
 * (for a node without territory: the hosts its organizations cover) as of a date, under a 3-row merged
 * header (group / column / sub-column) under a title row naming the unit and the date, and a 合计 row.
 * Computed columns come from `hostFactsAsOf`, so the totals equal the dashboard's figures. Printed A4
 * landscape, fit to one page wide, the header repeated on every page. Written with exceljs's streaming
 * writer: the merges are declared before any row is committed.
 */
import { sql } from "drizzle-orm";
import { hostOperating } from "@liangxin/db/queries";
import { idList, selectAll, selectColumn, selectRows, type Db } from "@liangxin/db/driver";
import { isUnder, scopeSql, type Scope } from "@liangxin/db/scope";
import { loadPolicyVersions, loadSnapshot } from "@liangxin/db/snapshot";
import {
  clock,
  fenNumber,
  FORMATION_MODE_LABELS,
  HOST_KIND_LABELS,
  INSTRUCTOR_KIND_LABELS,
  ORG_CATEGORY_LABELS,
  hostFactsAsOf,
  inForce,
  policyAsOf,
  type FormationMode,
  type HostFacts,
  type HostKind,
  type InstructorKind,
  type OrgCategory,
} from "@liangxin/domain";
import { ioMessages as m } from "./messages.ts";
import { a4Landscape, CENTER, HEADER_FILL, HEADER_FONT, streamingWorkbook, type Target } from "./xlsx.ts";

type Cell = string | number | null;
/** How the total row adds a column up; "money" is the revenue in 万元, added in whole 分 (exact). */
type Total = "count" | "sum" | "money" | "label" | null;

interface Leaf {
  header: string;
  width?: number;
  total: Total;
}
interface Sub {
  header: string;
  children: Leaf[];
}
interface Group {
  title: string;
  cols: (Leaf | Sub)[];
}

const leaf = (header: string, total: Total = null, width?: number): Leaf => ({
  header,
  total,
  ...(width ? { width } : {}),
});

/** The ledger's columns, adapted from ledger-columns.md to the fields the system keeps. */
export const LEDGER_GROUPS: readonly Group[] = [
  { title: "单位", cols: [leaf("序号", "label", 8), leaf("所在乡镇(街道、园区)", null, 16)] },
  {
    title: "企业基本情况",
    cols: [
      leaf("单位名称", null, 30),
      leaf("统一社会信用代码", null, 22),
      leaf("类别"),
      leaf("行业", null, 6),
      leaf("地址", null, 24),
      leaf("联系电话", null, 14),
      leaf("年营业收入(万元)", "money"),
      leaf("从业人员数", "sum"),
      leaf("是否规模以上", "count"),
    ],
  },
  {
    title: "出资人情况",
    cols: [leaf("姓名"), leaf("是否党员", "count"), leaf("是否兼任党组织书记", "count")],
  },
  {
    title: "党组织设置情况",
    cols: [
      leaf("是否建立党组织", "count"),
      leaf("覆盖党组织", null, 30),
      leaf("成立时间"),
      leaf("组建方式"),
      leaf("党组织类别"),
      leaf("隶属党组织", null, 24),
      leaf("是否应建未建", "count"),
    ],
  },
  { title: "党组织书记", cols: [leaf("姓名")] },
  {
    title: "党建指导员",
    cols: [leaf("姓名", null, 16), leaf("派出单位", null, 24), leaf("是否工作覆盖", "count")],
  },
  {
    title: "党员情况",
    cols: [
      leaf("在本单位工作的党员数", "sum"),
      {
        header: "其中",
        children: [
          leaf("正式党员", "sum"),
          leaf("35岁及以下", "sum"),
          leaf("管理人员", "sum"),
          leaf("专业技术人员", "sum"),
          leaf("一线职工", "sum"),
          leaf("组织关系在本单位党组织", "sum"),
        ],
      },
    ],
  },
  { title: "群团组织", cols: [leaf("工会", "count"), leaf("共青团", "count"), leaf("妇联", "count")] },
  { title: "组织生活", cols: [leaf("最近换届日期"), leaf("本年组织生活次数", "sum")] },
];

/** The title row (1) above the 3-row header (2–4). */
export const LEDGER_TITLE_ROWS = 1;
/** Rows above the data: the title and the 3-row header. Data starts on the next row. */
export const LEDGER_HEADER_ROWS = LEDGER_TITLE_ROWS + 3;

function leaves(): Leaf[] {
  return LEDGER_GROUPS.flatMap((g) => g.cols.flatMap((c) => ("children" in c ? c.children : [c])));
}

/** Column letter(s) of a 1-based column number. */
function letter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export interface LedgerOptions {
  /** The date of the ledger (default today). */
  asOf?: string;
  /** Told the progress; a returned Promise is awaited (a job writes it to its row). */
  onProgress?: (done: number, total: number, stage: string) => void | Promise<void>;
}

interface OrgRow {
  id: number;
  name: string;
  category: string;
  parent_id: number | null;
  path: string;
  formation_mode: string | null;
  founded_on: string;
  last_election_on: string | null;
}

/** Hosts per batch: the facts and rows of a batch are loaded, written, and dropped before the next. */
const LEDGER_BATCH = 2000;

interface HostRow {
  id: number;
  name: string;
  credit_code: string;
  kind: string;
  industry: string | null;
  address: string | null;
  contact_phone: string | null;
  owner_name: string | null;
  owner_is_member: number;
  union_on: string | null;
  youth_league_on: string | null;
  women_on: string | null;
  region_id: number;
}

interface MemberRow {
  id: number;
  name: string;
  birth_date: string | null;
  job_category: string | null;
  org_id: number | null;
  work_host_id: number | null;
  full_on: string | null;
  status: string;
}

interface InstructorRow {
  id: number;
  name: string;
  kind: string;
  dispatch_org_id: number | null;
  dispatch_org_name: string | null;
}

/** Bytes of worksheet XML allowed to wait for compression before the next batch is written. */
const BACKLOG_LIMIT = 1 << 20;

/**
 * Wait until the worksheet's XML has been taken by the zip and the zip by the target. exceljs writes rows
 * into the zip entry without backpressure: without this wait, the XML of the whole sheet piles up in
 * memory when compression or the disk is slower than the rows. The entry stream is exceljs's internal
 * `stream.pipes` (a readable-stream PassThrough); the zip and the target are the writer's `zip` and `stream`.
 */
async function drained(ws: unknown, wb: unknown): Promise<void> {
  type State = { _writableState?: { length?: number }; _readableState?: { length?: number } };
  const pipes = (ws as { stream?: { pipes?: State[] } }).stream?.pipes ?? [];
  const { zip, stream } = wb as { zip?: State; stream?: State };
  const backlog = () =>
    pipes.reduce((n, p) => n + (p._writableState?.length ?? 0), 0) +
    (zip?._readableState?.length ?? 0) +
    (stream?._writableState?.length ?? 0);
  await new Promise<void>((resolve) => setImmediate(resolve));
  while (backlog() > BACKLOG_LIMIT) await new Promise<void>((resolve) => setTimeout(resolve, 2));
}

/**
 * The ledger as a stream: the hosts in scope are listed by id in SQL, then written in batches, each with
 * its own restricted snapshot (`loadSnapshot` with the batch's host ids): memory holds one batch, not
 * the city.
 */
export async function writeLedgerWorkbook(
  db: Db,
  scope: Pick<Scope, "org" | "region">,
  target: Target,
  opts: LedgerOptions = {},
): Promise<{ rows: number; asOf: string }> {
  const asOf = opts.asOf ?? clock.today();
  const policy = policyAsOf(await loadPolicyVersions(db), asOf).params;

  const org = scope.org;
  if (!org) throw new Error("no organization");
  // Organizations, secretaries and meetings are read per batch, for the organizations the batch names.
  const orgs = new Map<number, OrgRow>();
  const loadOrgs = async (ids: Iterable<number | null | undefined>): Promise<void> => {
    const missing = new Set<number>();
    for (const id of ids) if (id != null && !orgs.has(id)) missing.add(id);
    if (missing.size === 0) return;
    for (const o of await selectAll<OrgRow>(
      db,
      sql`select id, name, category, parent_id, path, formation_mode, founded_on, last_election_on from orgs
       where id in ${idList(missing)}`,
    ))
      orgs.set(o.id, o);
  };
  const operating = hostOperating(asOf, "h");
  const sets = scopeSql({ org, region: scope.region, host: null }, asOf).sets;
  // The hosts operating on the date in the territory; without territory, those covered by the subtree
  // (kept below only when the covering organization the facts name lies in the subtree).
  let candidates: number[];
  let inScope: (f: HostFacts) => boolean;
  if (scope.region) {
    candidates = await selectColumn<number>(
      db,
      sql`select h.id from hosts h where ${sets.hosts.editable("h")} and ${operating} order by h.region_id, h.id`,
    );
    inScope = () => true;
  } else {
    candidates = await selectColumn<number>(
      db,
      sql`select h.id from hosts h where ${sets.hosts.reference("h")} and ${operating} order by h.region_id, h.id`,
    );
    inScope = (f) => f.coveringOrgId !== null && isUnder(orgs.get(f.coveringOrgId)?.path, org.path);
  }
  const regionName = new Map(await selectRows<[number, string]>(db, sql`select id, name from regions`));
  const year = asOf.slice(0, 4);
  const ageCut = `${Number(asOf.slice(0, 4)) - 35}${asOf.slice(4)}`;

  const wb = streamingWorkbook(target);
  const ws = wb.addWorksheet(m.ledgerTitle, {
    views: [{ state: "frozen", ySplit: LEDGER_HEADER_ROWS, xSplit: 3 }],
    // The 3-row header on every printed page.
    pageSetup: a4Landscape(`${LEDGER_TITLE_ROWS + 1}:${LEDGER_HEADER_ROWS}`),
  });
  const all = leaves();
  ws.columns = all.map((l) => ({ width: l.width ?? Math.max(10, l.header.length * 2) }));
  // The title row, then the 3-row header: values first, merges declared before anything is committed.
  const T = LEDGER_TITLE_ROWS;
  const r1: Cell[] = [];
  const r2: Cell[] = [];
  const r3: Cell[] = [];
  const merges: [number, number, number, number][] = [];
  let c = 1;
  for (const g of LEDGER_GROUPS) {
    const start = c;
    for (const col of g.cols) {
      if ("children" in col) {
        r2[c - 1] = col.header;
        merges.push([T + 2, c, T + 2, c + col.children.length - 1]);
        for (const ch of col.children) {
          r3[c - 1] = ch.header;
          r1[c - 1] = g.title;
          c++;
        }
      } else {
        r1[c - 1] = g.title;
        r2[c - 1] = col.header;
        r3[c - 1] = col.header;
        merges.push([T + 2, c, T + 3, c]);
        c++;
      }
    }
    if (c - 1 > start) merges.push([T + 1, start, T + 1, c - 1]);
  }
  const titleRow = ws.addRow([m.ledgerHeading(org.name, asOf)]);
  merges.push([1, 1, 1, all.length]);
  const headerRows = [ws.addRow(r1), ws.addRow(r2), ws.addRow(r3)];
  for (const [t, l, b, r] of merges) ws.mergeCells(`${letter(l)}${t}:${letter(r)}${b}`);
  titleRow.height = 32;
  titleRow.getCell(1).font = { bold: true, size: 16 };
  titleRow.getCell(1).alignment = { horizontal: "center", vertical: "middle" };
  titleRow.commit();
  for (const row of headerRows) {
    row.height = 30;
    row.eachCell((cell) => {
      cell.fill = HEADER_FILL;
      cell.font = HEADER_FONT;
      cell.alignment = CENTER;
      cell.border = {
        top: { style: "thin" },
        left: { style: "thin" },
        bottom: { style: "thin" },
        right: { style: "thin" },
      };
    });
    row.commit();
  }

  const totals: number[] = all.map(() => 0);
  // The revenue's total in 分, added from the figures (not from the 万元 written in the cells): exact.
  let revenueFenTotal = 0;
  const yn = (b: boolean) => (b ? m.yes : m.no);
  let i = 0;
  for (let start = 0; start < candidates.length; start += LEDGER_BATCH) {
    const batch = candidates.slice(start, start + LEDGER_BATCH);
    // The batch's facts, from the records in force on the date that these hosts' facts read.
    const snapshot = await loadSnapshot(db, { asOf: [asOf], hostIds: batch });
    const facts = hostFactsAsOf(snapshot, asOf, policy);
    const hosts = new Map(
      (await selectAll<HostRow>(db, sql`select * from hosts where id in ${idList(batch)}`)).map((h) => [
        h.id,
        h,
      ]),
    );
    // Members working in a host as of the date (the workplace history), counting (status 正常).
    const workingAt = new Map<number, number[]>();
    const statusOf = new Map<number, { s: string; on: string }>();
    for (const e of snapshot.statusEvents) {
      if (e.effectiveOn > asOf) continue;
      const cur = statusOf.get(e.memberId);
      if (!cur || e.effectiveOn >= cur.on) statusOf.set(e.memberId, { s: e.status, on: e.effectiveOn });
    }
    const joined = new Map(snapshot.members.map((x) => [x.id, x.joinedOn]));
    for (const w of snapshot.workplaces) {
      if (!inForce(w.startOn, w.endOn, asOf)) continue;
      if ((statusOf.get(w.memberId)?.s ?? "normal") !== "normal" || (joined.get(w.memberId) ?? "9999") > asOf)
        continue;
      const list = workingAt.get(w.hostId) ?? [];
      list.push(w.memberId);
      workingAt.set(w.hostId, list);
    }
    const holderAt = new Map<number, number | null>();
    for (const r of snapshot.relationships)
      if (inForce(r.startOn, r.endOn, asOf)) holderAt.set(r.memberId, r.orgId);
    orgs.clear();
    await loadOrgs([...facts.values()].map((f) => f.coveringOrgId));
    const list = batch
      .map((id) => facts.get(id))
      .filter((f): f is HostFacts => f !== undefined && inScope(f));
    const covering = [...new Set(list.map((f) => f.coveringOrgId).filter((id) => id !== null))];
    // The secretary in force of each covering organization (the last in force by id, as a scan gives).
    const secretaryOf = new Map<number, number>();
    for (const s of await selectAll<{
      org_id: number;
      member_id: number;
      start_on: string;
      end_on: string | null;
    }>(
      db,
      sql`select org_id, member_id, start_on, end_on from secretaries where org_id in ${idList(covering)} order by id`,
    ))
      if (inForce(s.start_on, s.end_on, asOf)) secretaryOf.set(s.org_id, s.member_id);
    const meetings = new Map(
      await selectRows<[number, number]>(
        db,
        sql`select org_id, count(*) as n from meetings where org_id in ${idList(covering)}
             and held_on between ${`${year}-01-01`} and ${asOf} group by org_id`,
      ),
    );
    const memberIds = new Set<number>();
    const instructorIds = new Set<number>();
    for (const f of list) {
      for (const id of workingAt.get(f.hostId) ?? []) memberIds.add(id);
      const sec = f.coveringOrgId === null ? undefined : secretaryOf.get(f.coveringOrgId);
      if (sec !== undefined) memberIds.add(sec);
      for (const id of f.instructorIds) instructorIds.add(id);
    }
    const memberById = new Map(
      (
        await selectAll<MemberRow>(
          db,
          sql`select id, name, birth_date, job_category, org_id, work_host_id, full_on, status from members
         where id in ${idList(memberIds)}`,
        )
      ).map((x) => [x.id, x]),
    );
    const instructors = new Map(
      (
        await selectAll<InstructorRow>(
          db,
          sql`select id, name, kind, dispatch_org_id, dispatch_org_name from instructors
         where id in ${idList(instructorIds)}`,
        )
      ).map((x) => [x.id, x]),
    );
    // Superiors of the covering organizations, holders of the workers, dispatching organizations.
    await loadOrgs(covering.map((id) => orgs.get(id)?.parent_id));
    await loadOrgs([...memberIds].map((id) => holderAt.get(id)));
    await loadOrgs([...instructors.values()].map((x) => x.dispatch_org_id));
    for (const f of list) {
      const h = hosts.get(f.hostId)!;
      const cov = f.coveringOrgId === null ? undefined : orgs.get(f.coveringOrgId);
      const parent = cov?.parent_id == null ? undefined : orgs.get(cov.parent_id);
      const secId = cov ? secretaryOf.get(cov.id) : undefined;
      const sec = secId === undefined ? undefined : memberById.get(secId);
      const ownerIsSecretary = Boolean(sec && sec.job_category === "owner" && sec.work_host_id === h.id);
      const workers = (workingAt.get(h.id) ?? [])
        .map((id) => memberById.get(id))
        .filter((x) => x !== undefined);
      const ins = f.instructorIds.map((id) => instructors.get(id)).filter((x) => x !== undefined);
      const covPath = cov?.path;
      const values: Cell[] = [
        ++i,
        regionName.get(h.region_id) ?? "",
        h.name,
        h.credit_code,
        HOST_KIND_LABELS[h.kind as HostKind],
        h.industry,
        h.address,
        h.contact_phone,
        f.revenueFen === null ? null : fenNumber(f.revenueFen, "wan"),
        f.employees,
        yn(f.aboveScale),
        h.owner_name,
        h.owner_name ? yn(h.owner_is_member === 1) : null,
        yn(ownerIsSecretary),
        yn(f.orgCovered),
        cov?.name ?? null,
        cov?.founded_on ?? null,
        cov?.formation_mode ? FORMATION_MODE_LABELS[cov.formation_mode as FormationMode] : null,
        cov ? ORG_CATEGORY_LABELS[cov.category as OrgCategory] : null,
        parent?.name ?? null,
        yn(f.shouldEstablishNotEstablished),
        sec?.name ?? null,
        ins.map((x) => `${x.name}(${INSTRUCTOR_KIND_LABELS[x.kind as InstructorKind]})`).join(";") || null,
        ins
          .map((x) =>
            x.dispatch_org_id !== null
              ? (orgs.get(x.dispatch_org_id)?.name ?? "")
              : (x.dispatch_org_name ?? ""),
          )
          .join(";") || null,
        yn(f.workCovered),
        f.membersWorking,
        f.fullMembersWorking,
        workers.filter((x) => x.birth_date !== null && x.birth_date > ageCut).length,
        workers.filter((x) => x.job_category === "manager" || x.job_category === "owner").length,
        workers.filter((x) => x.job_category === "professional").length,
        workers.filter((x) => x.job_category === "frontline").length,
        covPath === undefined
          ? 0
          : workers.filter((x) => {
              const holder = holderAt.get(x.id);
              return holder != null && (orgs.get(holder)?.path ?? "").startsWith(covPath);
            }).length,
        yn(h.union_on !== null && h.union_on <= asOf),
        yn(h.youth_league_on !== null && h.youth_league_on <= asOf),
        yn(h.women_on !== null && h.women_on <= asOf),
        cov?.last_election_on ?? null,
        cov ? (meetings.get(cov.id) ?? 0) : null,
      ];
      if (f.revenueFen !== null) revenueFenTotal += f.revenueFen;
      values.forEach((v, j) => {
        const t = all[j]!.total;
        if (t === "sum" && typeof v === "number") totals[j]! += v;
        if (t === "count" && v === m.yes) totals[j]! += 1;
      });
      ws.addRow(values).commit();
    }
    await opts.onProgress?.(
      Math.min(start + LEDGER_BATCH, candidates.length),
      candidates.length,
      m.ledgerTitle,
    );
    await drained(ws, wb);
  }
  const totalRow = ws.addRow(
    all.map((l, j) =>
      l.total === "label"
        ? m.totalRow
        : l.total === null
          ? null
          : l.total === "money"
            ? fenNumber(revenueFenTotal, "wan")
            : Math.round(totals[j]! * 100) / 100,
    ),
  );
  totalRow.font = { bold: true };
  totalRow.commit();
  ws.commit();
  await wb.commit();
  return { rows: i, asOf };
}
