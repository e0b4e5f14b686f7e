/**
 * 党建工作指导员 dispatch: "谁派出、谁主管" — the dispatching organization (or the node that registered an
 * instructor sent by an organ outside the tree) sees its instructors and their dated assignments; hosts
 * of the territory without any coverage (no organization, no instructor) are listed for dispatch.
 * Assigning and ending go through the one write path, `startAssignment`/`endAssignment` of the ledger's
 * commands (commands/instructors.ts), which both the dispatch page and an instructor's page call.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Cx } from "@liangxin/db/cx";
import { selectAll } from "@liangxin/db/driver";
import { hostOperating, inForce, orgInForce } from "@liangxin/db/queries";
import { scopeSql, type ScopeSql } from "@liangxin/db/scope";
import { workPolicy } from "./common.ts";

export interface InstructorAssignmentRow {
  id: number;
  hostId: number;
  hostName: string;
  startOn: string;
  endOn: string | null;
  active: boolean;
}

export interface DispatchInstructorRow {
  id: number;
  number: string;
  name: string;
  kind: string;
  dispatcher: string;
  registeredBy: string;
  phone: string | null;
  activeHosts: number;
  overCap: boolean;
  assignments: InstructorAssignmentRow[];
}

export interface UncoveredHostRow {
  id: number;
  name: string;
  creditCode: string;
  kind: string;
  regionName: string;
}

/** SQL: the instructor (alias `i`) is dispatched or registered by the caller's subtree. */
const visibleInstructor = ({ within }: ScopeSql): SQL =>
  sql`(exists(select 1 from orgs d where d.id = i.dispatch_org_id and ${within.subtree("d")})
    or exists(select 1 from orgs g where g.id = i.registered_by_id and ${within.subtree("g")}))`;

/** Instructors dispatched or registered by the caller's subtree, with their assignments. */
export async function dispatchView(cx: Cx): Promise<{ cap: number; instructors: DispatchInstructorRow[] }> {
  const { db, scope, today } = cx;
  const cap = (await workPolicy(db, today)).instructorCap;
  if (!scope.org) return { cap, instructors: [] };
  const s = scopeSql(scope, today);
  const rows = await selectAll<Omit<DispatchInstructorRow, "activeHosts" | "overCap" | "assignments">>(
    db,
    sql`select i.id, i.number, i.name, i.kind, coalesce(d.name, i.dispatch_org_name, '') as dispatcher,
          g.name as registeredBy, i.phone
        from instructors i left join orgs d on d.id = i.dispatch_org_id join orgs g on g.id = i.registered_by_id
        where ${visibleInstructor(s)} order by i.number`,
  );
  const asg = await selectAll<
    Omit<InstructorAssignmentRow, "active"> & { instructorId: number; active: number }
  >(
    db,
    sql`select a.id, a.instructor_id as instructorId, a.host_id as hostId, h.name as hostName,
          a.start_on as startOn, a.end_on as endOn, ${inForce(today, "a")} as active
        from assignments a join hosts h on h.id = a.host_id join instructors i on i.id = a.instructor_id
        where ${visibleInstructor(s)} order by a.start_on desc, a.id desc`,
  );
  const byInstructor = new Map<number, InstructorAssignmentRow[]>();
  for (const a of asg) {
    const list = byInstructor.get(a.instructorId) ?? [];
    list.push({
      id: a.id,
      hostId: a.hostId,
      hostName: a.hostName,
      startOn: a.startOn,
      endOn: a.endOn,
      active: a.active === 1,
    });
    byInstructor.set(a.instructorId, list);
  }
  return {
    cap,
    instructors: rows.map((r) => {
      const list = byInstructor.get(r.id) ?? [];
      const activeHosts = list.filter((a) => a.active).length;
      return { ...r, activeHosts, overCap: activeHosts > cap, assignments: list };
    }),
  };
}

/** Operating hosts of the caller's territory with neither an organization nor an instructor today. */
export async function hostsWithoutCoverage(cx: Cx): Promise<UncoveredHostRow[]> {
  const { db, scope, today } = cx;
  if (!scope.region) return [];
  const { within } = scopeSql(scope, today);
  return selectAll<UncoveredHostRow>(
    db,
    sql`select h.id, h.name, h.credit_code as creditCode, h.kind, r.name as regionName
        from hosts h join regions r on r.id = h.region_id
        where ${within.territory("r")} and ${hostOperating(today, "h")}
          and not exists(select 1 from coverages c join orgs o on o.id = c.org_id where c.host_id = h.id
            and ${inForce(today, "c")} and ${orgInForce(today, "o")})
          and not exists(select 1 from assignments a where a.host_id = h.id and ${inForce(today, "a")})
        order by r.name, h.name`,
  );
}
