/**
 * The three sets as id sets as of a date: what the caller may edit, see for reference, or sees counted
 * only. Async and taking the caller's context (`ScopeCx`), so that the data layer can run it on any driver.
 * The same conditions as every scoped statement (`sql.ts`), evaluated once per table.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../driver/client.ts";
import { selectColumn } from "../driver/query.ts";
import type { Scope } from "./load.ts";
import { scopeSql } from "./sql.ts";

/** What a scoped call needs: the connection, the caller's scope and the day it looks at. */
export interface ScopeCx {
  db: Db;
  scope: Scope;
  today: string;
}

export interface ScopeSets {
  hosts: { editable: Set<number>; reference: Set<number>; own: Set<number> };
  orgs: { editable: Set<number>; reference: Set<number> };
  members: { editable: Set<number>; counted: Set<number> };
  instructors: { editable: Set<number>; reference: Set<number> };
  /** Named only (a header beside the caller's own records, no view): not in the sets above. */
  named: { orgs: Set<number>; hosts: Set<number> };
}

async function ids(cx: ScopeCx, table: string, alias: string, condition: SQL): Promise<Set<number>> {
  const a = sql.raw(alias);
  return new Set(
    await selectColumn<number>(cx.db, sql`select ${a}.id from ${sql.raw(table)} ${a} where ${condition}`),
  );
}

/** The caller's sets as of `cx.today`. An owner has its own host and nothing else. */
export async function scopeSets(cx: ScopeCx): Promise<ScopeSets> {
  const empty = () => new Set<number>();
  const { sets } = scopeSql(cx.scope, cx.today);
  if (cx.scope.host)
    return {
      hosts: { editable: empty(), reference: empty(), own: new Set([cx.scope.host.id]) },
      orgs: { editable: empty(), reference: empty() },
      members: { editable: empty(), counted: empty() },
      instructors: { editable: empty(), reference: empty() },
      named: { orgs: await ids(cx, "orgs", "o", sets.named.orgs("o")), hosts: empty() },
    };
  const instructorsEditable = await ids(cx, "instructors", "i", sets.instructors.editable("i"));
  const instructorsReference = await ids(cx, "instructors", "i", sets.instructors.reference("i"));
  for (const id of instructorsEditable) instructorsReference.delete(id);
  const hosts = {
    editable: await ids(cx, "hosts", "h", sets.hosts.editable("h")),
    reference: await ids(cx, "hosts", "h", sets.hosts.reference("h")),
    own: empty(),
  };
  const orgs = {
    editable: await ids(cx, "orgs", "o", sets.orgs.editable("o")),
    reference: await ids(cx, "orgs", "o", sets.orgs.reference("o")),
  };
  const without = (named: Set<number>, ...seen: Set<number>[]) => {
    for (const s of seen) for (const id of s) named.delete(id);
    return named;
  };
  return {
    hosts,
    orgs,
    members: {
      editable: await ids(cx, "members", "m", sets.members.editable("m")),
      counted: await ids(
        cx,
        "members",
        "m",
        sql`not ${sets.members.editable("m")} and ${sets.members.counted("m")}`,
      ),
    },
    instructors: { editable: instructorsEditable, reference: instructorsReference },
    named: {
      orgs: without(await ids(cx, "orgs", "o", sets.named.orgs("o")), orgs.editable, orgs.reference),
      hosts: without(await ids(cx, "hosts", "h", sets.named.hosts("h")), hosts.editable, hosts.reference),
    },
  };
}
