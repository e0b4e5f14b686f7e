/** 覆盖关系: dated coverage of a host by the topmost organization of a unit, edited by the covering chain. */
import { onCoverageStarted } from "../work/plans.ts";
import {
  assertCoverageAllowed,
  assertInterval,
  checkJointCap,
  DomainError,
  isGrassroots,
  MESSAGES,
  policyAsOf,
} from "@liangxin/domain";
import type { Db } from "../client.ts";
import { coverages } from "../schema.ts";
import { loadPolicyVersions } from "../snapshot.ts";
import {
  audit,
  inTransaction,
  requireExists,
  requireOrgEdit,
  seesHost,
  unlessVisible,
  type CommandActor,
  type CommandWarning,
} from "./common.ts";
import { CommandError } from "./errors.ts";
import { endDatedRow } from "./end-dated.ts";
import { commandMessages } from "./messages.ts";
import { coveragesOf, hostRecs, orgRecs, orgWithSuperiors, reparentingsOf } from "./world.ts";

export interface SetCoverageInput {
  hostId: number;
  orgId: number;
  startOn: string;
  endOn?: string | null;
}
export interface EndCoverageInput {
  id: number;
  endOn: string;
}

type CoverageRow = typeof coverages.$inferSelect;

export interface CoverageResult {
  coverage: CoverageRow;
  /** e.g. a joint organization over the policy's cap: shown, not refused. */
  warnings: CommandWarning[];
}

/**
 * Record that `orgId` covers `hostId` from `startOn`. The caller must edit the covering organization (a
 * township's joint branch may cover a host of another township); the host need only exist. Refused by
 * the domain's guards: a second host of a standalone organization, a second covering organization of the
 * host on a date, coverage below a unit's topmost organization.
 */
export function setCoverage(db: Db, actor: CommandActor, input: SetCoverageInput): CoverageResult {
  return inTransaction(db, () => {
    requireOrgEdit(db, actor, input.orgId);
    requireExists(db, "hosts", input.hostId);
    const endOn = input.endOn ?? null;
    assertInterval(input.startOn, endOn);
    const existing = coveragesOf(db, { hostId: input.hostId, orgId: input.orgId });
    const reparentings = reparentingsOf(db, input.orgId);
    const orgs = orgWithSuperiors(db, input.orgId, reparentings);
    const org = orgs.find((o) => o.id === input.orgId)!;
    if (!isGrassroots(org.category))
      throw new CommandError("COVERAGE_BY_MANAGEMENT", commandMessages.coverageByManagement(org.name));
    if (org.formationMode === null)
      throw new DomainError("COVERAGE_WITHOUT_MODE", MESSAGES.coverageWithoutMode(org.name));
    const hosts = hostRecs(db, [input.hostId, ...existing.map((c) => c.hostId)]);
    const host = hosts.find((h) => h.id === input.hostId)!;
    const candidate = { hostId: input.hostId, orgId: input.orgId, startOn: input.startOn, endOn };
    // A host of another area may be covered (a joint branch across the boundary), but a refusal about a
    // host the caller does not see must not name it or its covering organization: not found.
    unlessVisible(seesHost(db, actor, input.hostId), () => {
      if (host.foundedOn > input.startOn || (host.closedOn !== null && host.closedOn <= input.startOn))
        throw new CommandError(
          "COVERAGE_HOST_CLOSED",
          commandMessages.coverageHostClosed(host.name, input.startOn),
        );
      const named = orgRecs(
        db,
        existing.map((c) => c.orgId).filter((id) => !orgs.some((o) => o.id === id)),
      );
      assertCoverageAllowed(
        { orgs: [...orgs, ...named], coverages: existing, reparentings, hosts },
        candidate,
      );
    });
    const row = db.insert(coverages).values(candidate).returning().get();
    // An organization now covers the host: its establishment plan (组建计划) is done.
    onCoverageStarted(db, row.hostId, row.startOn);
    const policy = policyAsOf(loadPolicyVersions(db), input.startOn).params;
    const warnings = checkJointCap(
      { orgs: [org], coverages: [...existing.filter((c) => c.orgId === org.id), candidate] },
      policy,
      input.startOn,
    ).map((v) => ({ code: v.code, message: v.message }));
    audit(db, actor, {
      action: "coverage.set",
      entity: "coverage",
      entityId: row.id,
      scopeOrgId: org.id,
      after: row,
    });
    return { coverage: row, warnings };
  });
}

/** End a coverage on `endOn` (half-open: the host is no longer covered on that day). */
export function endCoverage(db: Db, actor: CommandActor, input: EndCoverageInput): CoverageResult {
  const coverage = endDatedRow(db, actor, coverages, "coverage", input, (before) => {
    requireOrgEdit(db, actor, before.orgId);
    return before.orgId;
  });
  return { coverage, warnings: [] };
}
