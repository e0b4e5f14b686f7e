import { clock } from "@liangxin/domain";
import { toCsv, type CsvCell } from "@liangxin/io";
import { L } from "@/roles/labels";
import { rm } from "@/roles/messages";
import { lx } from "@/app/ledger-messages";
import { contentDisposition, withCaller } from "@/server/download";
import {
  hostFilter,
  instructorFilter,
  LIST_KEYS,
  memberFilter,
  orgFilter,
  type ListName,
  type Search,
} from "@/server/list-filters";

export const dynamic = "force-dynamic";

const PAGE = 200;

/** Every page of a scoped list procedure (the same procedure and filters as the list page). */
async function all<R>(fetch: (page: number) => Promise<{ rows: R[]; total: number }>): Promise<R[]> {
  const rows: R[] = [];
  for (let page = 1; ; page++) {
    const p = await fetch(page);
    rows.push(...p.rows);
    if (p.rows.length < PAGE || rows.length >= p.total) return rows;
  }
}

/**
 * CSV of a ledger list (hosts, orgs, members, instructors) with the list page's filters, scoped to the
 * caller through the API; citizen IDs stay masked. UTF-8 with BOM, Chinese file name (RFC 5987).
 */
export async function GET(req: Request, { params }: { params: Promise<{ list: string }> }) {
  const list = (await params).list;
  if (!(list in LIST_KEYS)) return Response.json({ message: lx.badList }, { status: 404 });
  const sp: Search = Object.fromEntries(new URL(req.url).searchParams);
  return withCaller(async (caller) => {
    let rows: CsvCell[][];
    switch (list as ListName) {
      case "hosts": {
        const f = hostFilter(sp);
        rows = (await all((page) => caller.hosts.list({ ...f, page, pageSize: PAGE }))).map((h) => [
          h.name,
          h.creditCode,
          L.kind(h.kind),
          h.regionName,
          h.coveringOrgName ?? rm.uncovered,
          rm.accessLabels[h.access],
        ]);
        break;
      }
      case "orgs": {
        const f = orgFilter(sp);
        rows = (await all((page) => caller.orgs.list({ ...f, page, pageSize: PAGE }))).map((o) => [
          o.code,
          o.name,
          L.category(o.category),
          o.formationMode ? L.mode(o.formationMode) : "",
          o.parentName,
          o.secretaryName,
          o.members,
          o.coveredHosts,
        ]);
        break;
      }
      case "members": {
        const f = memberFilter(sp);
        rows = (await all((page) => caller.members.list({ ...f, page, pageSize: PAGE }))).map((m) => [
          m.name,
          L.gender(m.gender),
          m.idNumberMasked,
          m.access === "counted" ? lx.countedRow : m.orgName,
          m.workHostName,
          m.full ? lx.full : lx.probationary,
          L.status(m.status),
          rm.accessLabels[m.access],
        ]);
        break;
      }
      case "instructors": {
        const f = instructorFilter(sp);
        rows = (await all((page) => caller.instructors.list({ ...f, page, pageSize: PAGE }))).map((i) => [
          i.number,
          i.name,
          L.instructorKind(i.kind),
          i.dispatchName,
          i.registeredByName,
          i.activeHosts,
          rm.accessLabels[i.access],
        ]);
        break;
      }
    }
    const name = list as ListName;
    const today = clock.today();
    return new Response(toCsv(lx.csvHeaders[name], rows), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": contentDisposition(`${lx.csvName[name]}_${today}.csv`),
        "Cache-Control": "no-store",
      },
    });
  });
}
