/**
 * Long reports (issue 25): a node's live report that is not kept for the data version and whose
 * territory holds more than `longReportHosts()` hosts (a city, a large county) is computed in the background
 * of this process, in a read transaction of its own, while the page shows its progress and asks again
 * (`reportProgress`); once computed it is kept (build.ts `liveReportCache`) and the page shows it at once.
 * Smaller reports, and reports frozen by a submission, answer directly as before.
 */
import { sql } from "drizzle-orm";
import { type Db, detachedFromRequest, inSpan, type Port, selectOne, selectValue } from "@liangxin/db/driver";
import type { Cx } from "@liangxin/db/cx";
import { readDataVersion } from "@liangxin/db/data-version";
import { pathIn, subtreeRange } from "@liangxin/db/scope";
import { isAppError } from "@liangxin/domain";
import {
  liveFigures,
  liveReportCache,
  liveReportKey,
  loadSubmission,
  ReportComputer,
  resolveNode,
} from "./build.ts";
import { reportMessages as m } from "./messages.ts";

/**
 * A report of a node whose territory holds more hosts than this is computed in the background
 * (LIANGXIN_LONG_REPORT_HOSTS, checked at the portal's start; default 20,000).
 */
export function longReportHosts(): number {
  const n = Number(process.env.LIANGXIN_LONG_REPORT_HOSTS ?? "");
  return process.env.LIANGXIN_LONG_REPORT_HOSTS && Number.isInteger(n) && n >= 0 ? n : 20_000;
}

/** The stages of a report computed in the background: counting in the database, checking. */
export const REPORT_STAGES = 2;

export interface ReportProgress {
  /** ready: ask for the report (kept, or quick to compute); running: not yet; failed: `error` says why. */
  state: "ready" | "running" | "failed";
  node: { id: number; name: string };
  year: number;
  done: number;
  total: number;
  stage: string | null;
  error: string | null;
}

interface Running {
  done: number;
  error: string | null;
}

/** Background computations of this process, by data version and report key. */
const running = new Map<string, Running>();

/** Hosts of the territory of a management node (all dates): 0 for a node without a territory. */
async function territoryHosts(db: Db, nodeId: number): Promise<number> {
  const region = await selectOne<{ path: string }>(
    db,
    sql`select r.path from orgs o join regions r on r.id = o.region_id where o.id = ${nodeId}`,
  );
  if (!region) return 0;
  return Number(
    (await selectValue<number>(
      db,
      sql`select count(*) from hosts h join regions r on r.id = h.region_id
          where ${pathIn("r.path", subtreeRange(region.path))}`,
    )) ?? 0,
  );
}

/**
 * How far the node's report of the year is (the node by id, default the caller's own; NOT_FOUND outside
 * the caller's subtree): ready when it is kept for the data version `cx` reads, frozen by a submission or
 * quick to compute; else it is being computed — started here when nothing computes it yet, outside the
 * request, in a read transaction of its own on `background.port` (a failure that is no refusal goes to
 * `background.onError`, to be logged).
 */
export async function reportProgress(
  cx: Cx,
  input: { nodeId?: number | undefined; year: number },
  background: { port: Port; onError: (e: unknown) => void },
): Promise<ReportProgress> {
  const detach = (work: (own: Cx) => Promise<void>) => {
    detachedFromRequest(() =>
      background.port.read((db) => work({ db, scope: cx.scope, today: cx.today })),
    ).catch(background.onError);
  };
  const node = await resolveNode(cx.db, cx.scope, input);
  const year = input.year;
  const version = await readDataVersion(cx.db);
  const key = liveReportKey(node.id, year, cx.today);
  const base = { node: { id: node.id, name: node.name }, year, total: REPORT_STAGES };
  const ready: ReportProgress = { ...base, state: "ready", done: REPORT_STAGES, stage: null, error: null };
  if (liveReportCache.has(version, key)) return ready;
  const sub = await loadSubmission(cx.db, node.id, year);
  if (sub && sub.state !== "returned") return ready;
  const slot = `${version}|${key}`;
  let run = running.get(slot);
  if (!run) {
    if ((await territoryHosts(cx.db, node.id)) <= longReportHosts()) return ready;
    const started: Running = { done: 0, error: null };
    run = started;
    running.set(slot, started);
    detach(async (own) => {
      try {
        // A trace of its own (it outlives the request), linked to the request's span.
        await inSpan(
          "liangxin-core",
          "report.background",
          { "liangxin.report.node_id": node.id, "liangxin.report.year": year },
          () =>
            liveFigures(own, new ReportComputer(own.db), node.id, year, async (done) => {
              started.done = done;
              // Let the other requests of this process (the page's polling among them) answer between stages.
              await new Promise((resolve) => setImmediate(resolve));
            }),
          { root: true },
        );
        running.delete(slot);
      } catch (e) {
        // A refusal of the computation says why in Chinese; anything else is logged by the caller's detach.
        started.error = m.reportFailed(node.name, year, isAppError(e) ? e.message : "系统内部错误");
        // A failure is shown for a minute, then asking again computes again.
        setTimeout(() => running.delete(slot), 60_000).unref();
        if (!isAppError(e)) throw e;
      }
    });
  }
  if (run.error !== null) return { ...base, state: "failed", done: run.done, stage: null, error: run.error };
  return { ...base, state: "running", done: run.done, stage: m.reportStage(run.done), error: null };
}
