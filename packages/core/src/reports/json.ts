/**
 * The report as JSON for programs (the command line): `{ year, asOf, unit: { code, name }, policy,
 * total, rows: [{ code, name, …indicators }] }`, the dictionary's keys nested as in the dictionary, null
 * where undefined.
 */
import type { Indicators, PolicyVersion } from "@liangxin/domain";
import type { ReportView } from "./build.ts";

export interface ReportJson {
  year: number;
  asOf: string;
  unit: { code: string; name: string };
  policy: PolicyVersion;
  total: Indicators;
  rows: ({ code: string; name: string } & Indicators)[];
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

export function reportJson(view: ReportView): ReportJson {
  return {
    year: view.year,
    asOf: view.asOf,
    unit: { code: view.node.code, name: view.node.name },
    policy: view.policy,
    total: indicators(view.total),
    rows: view.rows.map((r) => ({ code: r.code, name: r.name, ...indicators(r.indicators) })),
  };
}
