/**
 * The demo generator: builds the whole fictional city 清源市 in memory, deterministically from a seed
 * and a fixed "today". No I/O here; `write.ts` inserts the rows and `demo.ts` wraps it in a transaction.
 * This file runs the stages in order; each stage is a file of `build/` working on one `DemoCity` (`build/model.ts`).
 *
 * Shape (see the brief in shared/domain.md):
 * - 1 city, 3 counties/districts, 14 township-level areas (街道/镇/乡/园区), a management node for each,
 *   and a 行业党委 (清河县物流行业党委) without territory;
 * - ≈2,400 host units with credit codes, yearly figures 2023–2026, some founded in 2024–2025 and some
 *   closed in 2024/2025;
 * - grassroots organizations of every formation mode, dated coverage (30–45% by township), a joint branch
 *   crossing two townships, hosts moving from a joint to their own branch in 2025, re-parentings in 2025
 *   and dual-management links;
 * - members with dated relationships, workplaces, transfers and status changes; secretaries; instructors
 *   and their assignments; applicants; one policy version.
 */
import { DEFAULT_POLICY, type IsoDate } from "@liangxin/domain";
import type { SeedData } from "./rows.ts";
import { accounts, type DemoAccountPlan } from "./build/accounts.ts";
import { buildApplicants } from "./build/applicants.ts";
import { buildCoverage } from "./build/coverage.ts";
import { buildHosts } from "./build/hosts.ts";
import { buildInstructors } from "./build/instructors.ts";
import { changeStatuses, flattenMembers, moveMembers } from "./build/member-history.ts";
import { buildMembers } from "./build/members.ts";
import { DemoCity } from "./build/model.ts";
import { buildSecretaries } from "./build/secretaries.ts";
import { buildTerritoryAndNodes, materializePaths } from "./build/territory.ts";

export type { DemoAccountPlan } from "./build/accounts.ts";

/**
 * The canonical day the city is generated for (the canonical demo day of the tests and of the issues'
 * figures). A demo seeded on another day is this city moved in time (`shift.ts`).
 */
export const DEMO_TODAY = "2026-12-03";
export const DEMO_PASSWORD = "Demo@2026";

export interface DemoBuild {
  data: SeedData;
  accounts: DemoAccountPlan[];
}

/** The stages in order: each one draws from the same random source, so the order is part of the city. */
export function buildDemo(seed: number, today: IsoDate = DEMO_TODAY): DemoBuild {
  const city = new DemoCity(seed, today);
  buildTerritoryAndNodes(city);
  buildHosts(city);
  buildCoverage(city);
  buildMembers(city);
  moveMembers(city);
  changeStatuses(city);
  flattenMembers(city);
  buildSecretaries(city);
  buildInstructors(city);
  buildApplicants(city);
  city.d.policies.push({ id: 1, effectiveOn: "2020-01-01", params: DEFAULT_POLICY, note: "默认政策参数" });
  materializePaths(city);
  return { data: city.d, accounts: accounts(city) };
}
