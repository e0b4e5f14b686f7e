/**
 * The CSV download of a ledger list (hosts, organizations, members, instructors): the list page's rows —
 * the caller's scope, the page's filters and order, all its pages — with the page's columns under Chinese
 * headers, citizen IDs masked as on the page. The rows come from the list's one scoped statement read as it
 * runs (`hostRows`, `orgRows`, `memberRows`, `instructorRows`) and leave as a pulled web stream: a chunk of
 * text is made only when the reader asks for one, so memory holds a batch of rows and a chunk, whatever the
 * size of the list. The portal's download route and the benchmark (`npm run bench -- --only csv`) both call
 * `openListCsv`.
 */
import {
  hostRows,
  instructorRows,
  memberRows,
  orgRows,
  type HostListRow,
  type HostRowsFilter,
  type InstructorListRow,
  type InstructorRowsFilter,
  type MemberListRow,
  type MemberRowsFilter,
  type OrgListRow,
  type OrgRowsFilter,
} from "@liangxin/db/queries";
import { readApart, readTransaction, type Port } from "@liangxin/db/driver";
import type { Cx } from "@liangxin/db/cx";
import type { Scope } from "@liangxin/db/scope";
import {
  FORMATION_MODE_LABELS,
  GENDER_LABELS,
  HOST_KIND_LABELS,
  INSTRUCTOR_KIND_LABELS,
  MEMBER_STATUS_LABELS,
  ORG_CATEGORY_LABELS,
} from "@liangxin/domain";
import { CSV_BOM, csvLine, type CsvCell } from "./csv.ts";
import { ioMessages } from "./messages.ts";

export const LIST_NAMES = ["hosts", "orgs", "members", "instructors"] as const;
export type ListName = (typeof LIST_NAMES)[number];

/** The filters of each list (those of its page, without the page). */
export interface ListFilters {
  hosts: HostRowsFilter;
  orgs: OrgRowsFilter;
  members: MemberRowsFilter;
  instructors: InstructorRowsFilter;
}

/** The Chinese of the files: names, headers, and the cells the pages show as words. */
export const listCsvMessages = {
  fileName: {
    hosts: "两新组织名单",
    orgs: "党组织名单",
    members: "党员名单",
    instructors: "党建工作指导员名单",
  },
  headers: {
    hosts: ["名称", "统一社会信用代码", "类别", "所在乡镇", "覆盖党组织", "访问权限"],
    orgs: ["组织代码", "名称", "组织类别", "组建方式", "上级党组织", "书记", "党员数", "覆盖两新组织数"],
    members: ["姓名", "性别", "公民身份号码", "组织关系所在", "工作单位", "正式/预备", "状态", "访问权限"],
    instructors: ["编号", "姓名", "类别", "派出单位", "登记单位", "在期指导数", "访问权限"],
  },
  access: { edit: "可编辑", reference: "仅参考", own: "本企业", counted: "仅计数" } as Readonly<
    Record<string, string>
  >,
  uncovered: "未覆盖",
  countedRow: "仅计数(组织关系在外)",
  full: "正式党员",
  probationary: "预备党员",
} as const satisfies {
  fileName: Record<ListName, string>;
  headers: Record<ListName, readonly string[]>;
  [other: string]: unknown;
};

const m = listCsvMessages;

/** A code's label as the list pages show it: the label, else the code itself; "—" for none. */
const label = (map: Readonly<Record<string, string>>, key: string | null | undefined) =>
  key ? (map[key] ?? key) : "—";

/** The cells of a row of each list, as the list page shows it. */
const CELLS: { [L in ListName]: (row: RowOf<L>) => CsvCell[] } = {
  hosts: (h) => [
    h.name,
    h.creditCode,
    label(HOST_KIND_LABELS, h.kind),
    h.regionName,
    h.coveringOrgName ?? m.uncovered,
    m.access[h.access],
  ],
  orgs: (o) => [
    o.code,
    o.name,
    label(ORG_CATEGORY_LABELS, o.category),
    o.formationMode ? label(FORMATION_MODE_LABELS, o.formationMode) : "",
    o.parentName,
    o.secretaryName,
    o.members,
    o.coveredHosts,
  ],
  members: (x) => [
    x.name,
    label(GENDER_LABELS, x.gender),
    x.idNumberMasked,
    x.access === "counted" ? m.countedRow : x.orgName,
    x.workHostName,
    x.full ? m.full : m.probationary,
    label(MEMBER_STATUS_LABELS, x.status),
    m.access[x.access],
  ],
  instructors: (i) => [
    i.number,
    i.name,
    label(INSTRUCTOR_KIND_LABELS, i.kind),
    i.dispatchName,
    i.registeredByName,
    i.activeHosts,
    m.access[i.access],
  ],
};

interface Rows {
  hosts: HostListRow;
  orgs: OrgListRow;
  members: MemberListRow;
  instructors: InstructorListRow;
}
type RowOf<L extends ListName> = Rows[L];

/** The file's name on `today`: `党员名单_2026-03-01.csv`. */
export function listCsvFileName(list: ListName, today: string): string {
  return `${m.fileName[list]}_${today}.csv`;
}

/** The list's scoped rows, a batch at a time (null: the caller has no such list, an owner). */
function rowsOf<L extends ListName>(
  cx: Cx,
  list: L,
  filter: ListFilters[L],
): Promise<AsyncIterable<RowOf<L>[]> | null> {
  const f = filter as never;
  switch (list) {
    case "hosts":
      return hostRows(cx, f) as Promise<AsyncIterable<RowOf<L>[]> | null>;
    case "orgs":
      return orgRows(cx, f) as Promise<AsyncIterable<RowOf<L>[]> | null>;
    case "members":
      return memberRows(cx, f) as Promise<AsyncIterable<RowOf<L>[]> | null>;
    default:
      return instructorRows(cx, f) as Promise<AsyncIterable<RowOf<L>[]> | null>;
  }
}

/** Text handed out at a time: big enough that a chunk is cheap, small enough that it is no weight. */
const CHUNK_CHARS = 32 * 1024;

/**
 * The CSV's text in chunks: the byte-order mark and the header first, then the rows as the scoped statement
 * gives them. Run it inside a read transaction (`openListCsv` does). Null: the caller has no such list.
 */
export async function listCsvChunks<L extends ListName>(
  cx: Cx,
  list: L,
  filter: ListFilters[L],
): Promise<AsyncIterable<string> | null> {
  const rows = await rowsOf(cx, list, filter);
  if (!rows) return null;
  const cells = CELLS[list] as (row: RowOf<L>) => CsvCell[];
  return (async function* () {
    yield CSV_BOM + csvLine(m.headers[list]);
    let text = "";
    for await (const batch of rows) {
      for (const row of batch) {
        text += csvLine(cells(row));
        if (text.length >= CHUNK_CHARS) {
          yield text;
          text = "";
        }
      }
    }
    if (text) yield text;
  })();
}

/** The list does not exist for the caller (an owner): thrown by `openListCsv` before any byte is sent. */
export class NoSuchList extends Error {
  constructor(list: ListName) {
    super(`no ${list} list for this caller`);
  }
}

export interface ListCsvOptions {
  /** A reader that asks for nothing this long ends the download (its read transaction with it). */
  idleMs?: number;
}

/**
 * The list's CSV as a web stream (UTF-8 with BOM, CR LF lines), read from the database as the reader pulls.
 * The rows are read in one read transaction of their own (`readApart`: the stream outlives the request's
 * procedure), held until the stream has been read to its end, cancelled, or left unread for `idleMs`
 * (2 minutes). The first chunk is made before the stream is handed out, so that a failing statement
 * rejects this promise (an error status) rather than breaking a download already begun.
 */
export function openListCsv<L extends ListName>(
  port: Port,
  who: { scope: Scope; today: string },
  list: L,
  filter: ListFilters[L],
  opts: ListCsvOptions = {},
): Promise<ReadableStream<Uint8Array>> {
  return pulledStream(
    (pump) =>
      readApart(port, (db) =>
        readTransaction(db, async (tx) => {
          const chunks = await listCsvChunks({ db: tx, scope: who.scope, today: who.today }, list, filter);
          if (!chunks) throw new NoSuchList(list);
          await pump(chunks);
        }),
      ),
    opts.idleMs ?? 120_000,
  );
}

/** The reader left the stream unread too long. */
class IdleReader extends Error {}

/**
 * A web stream of `chunks` that makes a chunk only when its reader pulls one. `run` is handed the pump and
 * runs it where the chunks must be made (inside the read transaction): the pump's loop stays in `run`'s
 * async context (on PostgreSQL, the transaction's connection), the stream's `pull` only wakes it. `run`
 * ends when the stream has ended, been cancelled or errored.
 */
function pulledStream(
  run: (pump: (chunks: AsyncIterable<string>) => Promise<void>) => Promise<void>,
  idleMs: number,
): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  /** Resolves the reader's outstanding pull (once a chunk is queued or the stream has ended). */
  let answer: (() => void) | null = null;
  /** Wakes the pump waiting for a pull. */
  let wake: (() => void) | null = null;
  let cancelled = false;
  /** Settles when `run` has ended (its transaction with it). */
  let finished: Promise<void> = Promise.resolve();
  const stream = new ReadableStream<Uint8Array>(
    {
      start: (c) => {
        controller = c;
      },
      pull: () =>
        new Promise<void>((resolve) => {
          answer = resolve;
          wake?.();
        }),
      // Resolved once the statement is closed and the read transaction has ended.
      cancel: () => {
        cancelled = true;
        wake?.();
        return finished;
      },
    },
    { highWaterMark: 1 },
  );
  const answered = () => {
    const a = answer;
    answer = null;
    a?.();
  };
  /** Whether the reader wants a chunk (false: it cancelled); waits for its pull, at most `idleMs`. */
  const wanted = async (): Promise<boolean> => {
    if (!cancelled && !answer) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await new Promise<void>((resolve, reject) => {
        wake = resolve;
        timer = setTimeout(() => reject(new IdleReader(ioMessages.downloadIdle)), idleMs);
      }).finally(() => {
        clearTimeout(timer);
        wake = null;
      });
    }
    return !cancelled;
  };
  return new Promise((handOut, refuse) => {
    let handedOut = false;
    const pump = async (chunks: AsyncIterable<string>) => {
      const it = chunks[Symbol.asyncIterator]();
      try {
        let next = await it.next();
        handedOut = true;
        handOut(stream);
        while (!next.done) {
          if (!(await wanted()) || cancelled) return;
          controller.enqueue(encoder.encode(next.value));
          answered();
          next = await it.next();
        }
        if (!cancelled) controller.close();
        answered();
      } finally {
        await it.return?.();
      }
    };
    finished = run(pump).then(
      () => {
        if (!handedOut) refuse(new Error("no chunk"));
      },
      (e: unknown) => {
        if (!handedOut) return refuse(e);
        if (!cancelled) controller.error(e);
        answered();
      },
    );
  });
}
