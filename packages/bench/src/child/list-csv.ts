/**
 * 7. A list's CSV download in a fresh process, through the code the portal's route runs (`openListCsv` of
 * @liangxin/io: the list's one scoped statement, streamed as it is read): open the database's port, load
 * the user's scope, write the stream to a file. Prints one JSON line: the time from opening the database
 * to the last byte written, the rows and the bytes. Peak memory and CPU time are the probe's (rss-probe.mjs).
 *
 *   node --import tsx list-csv.ts --db FILE --user bench-city --list hosts --out hosts.csv [--filter JSON]
 *
 * `--filter` takes the list's filters as the API does (`{"regionId": 12, "sort": "name"}`).
 */
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openPort, selectValue } from "@liangxin/db/driver";
import { loadScope } from "@liangxin/db/scope";
import { clock } from "@liangxin/domain";
import { LIST_NAMES, openListCsv, type ListFilters, type ListName } from "@liangxin/io";

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    user: { type: "string" },
    list: { type: "string" },
    out: { type: "string" },
    filter: { type: "string" },
  },
});
const list = values.list as ListName;
if (!values.db || !values.user || !values.out || !LIST_NAMES.includes(list))
  throw new Error(`usage: --db FILE --user NAME --list ${LIST_NAMES.join("|")} --out FILE`);

const t0 = performance.now();
const port = openPort(values.db);
const scope = await port.read(async (db) => {
  const id = await selectValue<number>(db, sql`select id from users where username = ${values.user}`);
  return id === undefined ? null : loadScope(db, id);
});
if (!scope) throw new Error(`no user ${values.user}`);
const filter = JSON.parse(values.filter ?? "{}") as ListFilters[typeof list];
const stream = await openListCsv(port, { scope, today: clock.today() }, list, filter);
let bytes = 0;
let rows = -1; // the header line is not a row
const counted = Readable.fromWeb(stream as NodeReadableStream<Uint8Array>).map((chunk: Uint8Array) => {
  bytes += chunk.byteLength;
  const b = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  for (let at = b.indexOf(0x0a); at >= 0; at = b.indexOf(0x0a, at + 1)) rows++;
  return chunk;
});
await pipeline(counted, createWriteStream(values.out));
const ms = performance.now() - t0;
port.close();
console.log(JSON.stringify({ ms, rows, bytes }));
