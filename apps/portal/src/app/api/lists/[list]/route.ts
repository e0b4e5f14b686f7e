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

/**
 * CSV of a ledger list (hosts, orgs, members, instructors) with the list page's filters, scoped to the
 * caller through the API; citizen IDs stay masked. UTF-8 with BOM, Chinese file name (RFC 5987). The rows
 * are one scoped statement streamed to the response as the client reads it (`openListCsv` in
 * @liangxin/io): the whole list is never held in memory.
 */
export async function GET(req: Request, { params }: { params: Promise<{ list: string }> }) {
  const list = (await params).list;
  if (!(list in LIST_KEYS)) return Response.json({ message: lx.badList }, { status: 404 });
  const sp: Search = Object.fromEntries(new URL(req.url).searchParams);
  return withCaller(async (caller) => {
    const download = await (() => {
      switch (list as ListName) {
        case "hosts":
          return caller.hosts.csv(hostFilter(sp));
        case "orgs":
          return caller.orgs.csv(orgFilter(sp));
        case "members":
          return caller.members.csv(memberFilter(sp));
        case "instructors":
          return caller.instructors.csv(instructorFilter(sp));
      }
    })();
    return new Response(await download.open(), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": contentDisposition(download.fileName),
        "Cache-Control": "no-store",
      },
    });
  });
}
