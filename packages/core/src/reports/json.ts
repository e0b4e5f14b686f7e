/**
 * The report as JSON for programs (the command line): `{ year, asOf, unit: { code, name }, policy,
 * total, rows: [{ code, name, …indicators }], basics }`, the dictionary's keys nested as in the dictionary,
 * null where undefined. `basics` is the five-basics 附表: `{ on, total, rows: [{ code, name, orgs, team,
 * venue, activities, rules, means, all }] }` (null for a report frozen before it existed).
 */
import type { BasicsCount, Indicators, PolicyVersion } from "@liangxin/domain";
import type { ReportView } from "./build.ts";

export interface ReportJson {
  year: number;
  asOf: string;
  unit: { code: string; name: string };
  policy: PolicyVersion;
  total: Indicators;
  rows: ({ code: string; name: string } & Indicators)[];
  basics: {
    on: string;
    total: BasicsJson;
    rows: ({ code: string; name: string } & BasicsJson)[];
  } | null;
}

/** A five-basics count, flat: the organizations, and those meeting each basic and all five. */
export type BasicsJson = { orgs: number } & BasicsCount["met"];

function basicsJson(c: BasicsCount): BasicsJson {
  return { orgs: c.orgs, ...c.met };
}

function indicators(ind: Indicators): Indicators {
  return {
    hosts: ind.hosts,
    enterprises: ind.enterprises,
    socialOrgs: ind.socialOrgs,
    employees: ind.employees,
    aboveScale: ind.aboveScale,
    withMembers: ind.withMembers,
    withThreeMembers: ind.withThreeMembers,
    orgCovered: ind.orgCovered,
    coveredByMode: { ...ind.coveredByMode },
    orgCoverageRate: ind.orgCoverageRate,
    standaloneRate: ind.standaloneRate,
    aboveScaleCoverageRate: ind.aboveScaleCoverageRate,
    threeMemberStandaloneRate: ind.threeMemberStandaloneRate,
    shouldEstablishNotEstablished: ind.shouldEstablishNotEstablished,
    instructorCovered: ind.instructorCovered,
    instructors: ind.instructors,
    workCovered: ind.workCovered,
    workCoverageRate: ind.workCoverageRate,
    membersEmployed: ind.membersEmployed,
    membersShareOfEmployees: ind.membersShareOfEmployees,
    orgs: { ...ind.orgs },
    members: { ...ind.members },
    flows: { ...ind.flows },
    prevOrgCoverageRate: ind.prevOrgCoverageRate,
    orgCoverageRateChangePp: ind.orgCoverageRateChangePp,
  };
}

/**
 * The policy the report counted by: its parameters without those no report figure depends on and that
 * came after the report's JSON was fixed (the leaders' contact-visit period), so the JSON stays as it was.
 */
function reportPolicy(policy: PolicyVersion): PolicyVersion {
  const { contactVisitMonths: _notCounted, ...params } = policy.params;
  return { ...policy, params: params as PolicyVersion["params"] };
}

export function reportJson(view: ReportView): ReportJson {
  return {
    year: view.year,
    asOf: view.asOf,
    unit: { code: view.node.code, name: view.node.name },
    policy: reportPolicy(view.policy),
    total: indicators(view.total),
    rows: view.rows.map((r) => ({ code: r.code, name: r.name, ...indicators(r.indicators) })),
    basics: view.basics
      ? {
          on: view.basics.on,
          total: basicsJson(view.basics.total),
          rows: view.basics.rows.map((r) => ({ code: r.code, name: r.name, ...basicsJson(r.count) })),
        }
      : null,
  };
}
