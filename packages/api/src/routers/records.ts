/**
 * The write side of the ledger (台账) and the figures of a node: one procedure per change, each calling one
 * command of `@liangxin/db` with the caller's scope (the command checks edit access, the domain's rules,
 * the version, and writes the audit row in the same transaction).
 */
import {
  acceptCoverageRequest,
  changeMemberStatus,
  coverHosts,
  createHost,
  createInstructor,
  createMember,
  createOrg,
  decideTransfer,
  endAssignment,
  endCoverage,
  endDualLink,
  endSecretary,
  proposeCoverage,
  rejectCoverageRequest,
  reparentOrg,
  requestTransfer,
  setCoverage,
  setDualLink,
  setHostYear,
  setPolicy,
  listPolicyVersions,
  setSecretary,
  startAssignment,
  suggestOrgCode,
  updateHost,
  updateInstructor,
  updateMember,
  updateOrg,
} from "@liangxin/core/commands";
import { listCoverageRequests } from "@liangxin/db/queries";
import { nodeIndicators } from "@liangxin/core/indicators";
import { z } from "zod";
import {
  assignmentEndInput,
  assignmentStartInput,
  coverageAcceptInput,
  coverageEndInput,
  coverageProposeInput,
  coverageRejectInput,
  coverageSetInput,
  coverageSetManyInput,
  dualLinkEndInput,
  dualLinkSetInput,
  hostCreateInput,
  hostUpdateInput,
  hostYearInput,
  id,
  instructorCreateInput,
  instructorUpdateInput,
  isoDate,
  memberCreateInput,
  memberStatusInput,
  memberUpdateInput,
  orgCreateInput,
  orgSuggestCodeInput,
  orgUpdateInput,
  policySetInput,
  reparentInput,
  secretaryEndInput,
  secretarySetInput,
  transferDecideInput,
  transferRequestInput,
} from "../schemas/index.ts";
import { adminProcedure, createTRPCRouter, found, protectedProcedure } from "../trpc.ts";

const p = protectedProcedure;

export const recordsRouter = createTRPCRouter({
  host: createTRPCRouter({
    create: p.input(hostCreateInput).mutation(({ ctx, input }) => createHost(ctx, input)),
    update: p.input(hostUpdateInput).mutation(({ ctx, input }) => updateHost(ctx, input)),
    setYear: p.input(hostYearInput).mutation(({ ctx, input }) => setHostYear(ctx, input)),
  }),
  org: createTRPCRouter({
    create: p.input(orgCreateInput).mutation(({ ctx, input }) => createOrg(ctx, input)),
    /** The next free 组织代码 of the parent's series (a parent the caller edits), for the new-organization form. */
    suggestCode: p.input(orgSuggestCodeInput).query(({ ctx, input }) => suggestOrgCode(ctx, input)),
    update: p.input(orgUpdateInput).mutation(({ ctx, input }) => updateOrg(ctx, input)),
    reparent: p.input(reparentInput).mutation(({ ctx, input }) => reparentOrg(ctx, input)),
  }),
  coverage: createTRPCRouter({
    set: p.input(coverageSetInput).mutation(({ ctx, input }) => setCoverage(ctx, input)),
    /** Several hosts of the caller's territory covered by one organization from one day, all or none. */
    setMany: p.input(coverageSetManyInput).mutation(({ ctx, input }) => coverHosts(ctx, input)),
    end: p.input(coverageEndInput).mutation(({ ctx, input }) => endCoverage(ctx, input)),
  }),
  /**
   * 覆盖申请: covering a host outside the proposer's territory is proposed, and takes effect when the host's
   * territory administrator (township level, or a common superior) accepts it; the lists of both sides.
   */
  coverageRequest: createTRPCRouter({
    propose: p.input(coverageProposeInput).mutation(({ ctx, input }) => proposeCoverage(ctx, input)),
    list: p.query(async ({ ctx }) => found(await listCoverageRequests(ctx))),
    accept: p.input(coverageAcceptInput).mutation(({ ctx, input }) => acceptCoverageRequest(ctx, input)),
    reject: p.input(coverageRejectInput).mutation(({ ctx, input }) => rejectCoverageRequest(ctx, input)),
  }),
  dualLink: createTRPCRouter({
    set: p.input(dualLinkSetInput).mutation(({ ctx, input }) => setDualLink(ctx, input)),
    end: p.input(dualLinkEndInput).mutation(({ ctx, input }) => endDualLink(ctx, input)),
  }),
  secretary: createTRPCRouter({
    set: p.input(secretarySetInput).mutation(({ ctx, input }) => setSecretary(ctx, input)),
    end: p.input(secretaryEndInput).mutation(({ ctx, input }) => endSecretary(ctx, input)),
  }),
  member: createTRPCRouter({
    create: p.input(memberCreateInput).mutation(({ ctx, input }) => createMember(ctx, input)),
    update: p.input(memberUpdateInput).mutation(({ ctx, input }) => updateMember(ctx, input)),
    changeStatus: p.input(memberStatusInput).mutation(({ ctx, input }) => changeMemberStatus(ctx, input)),
  }),
  transfer: createTRPCRouter({
    request: p.input(transferRequestInput).mutation(({ ctx, input }) => requestTransfer(ctx, input)),
    decide: p.input(transferDecideInput).mutation(({ ctx, input }) => decideTransfer(ctx, input)),
  }),
  instructor: createTRPCRouter({
    create: p.input(instructorCreateInput).mutation(({ ctx, input }) => createInstructor(ctx, input)),
    update: p.input(instructorUpdateInput).mutation(({ ctx, input }) => updateInstructor(ctx, input)),
  }),
  /**
   * The one write path of an instructor's assignment (an instructor's page and the 指导员选派 page): for
   * administrators only, the stricter rung of the two pairs it replaced (work.instructors.assign/end).
   */
  assignment: createTRPCRouter({
    start: adminProcedure
      .input(assignmentStartInput)
      .mutation(({ ctx, input }) => startAssignment(ctx, input)),
    end: adminProcedure.input(assignmentEndInput).mutation(({ ctx, input }) => endAssignment(ctx, input)),
  }),
  policy: createTRPCRouter({
    set: p.input(policySetInput).mutation(({ ctx, input }) => setPolicy(ctx, input)),
    /** The dated versions, newest first, and the one in force today (any administrator reads them). */
    list: adminProcedure.query(({ ctx }) => listPolicyVersions(ctx)),
  }),
  indicators: createTRPCRouter({
    /** A node's indicators as of a date, with the policy used. */
    node: p
      .input(z.object({ nodeId: id, asOf: isoDate }))
      .query(({ ctx, input }) => nodeIndicators(ctx, { nodeId: input.nodeId, asOf: input.asOf })),
  }),
});
