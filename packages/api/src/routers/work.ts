/**
 * The daily-work router: establishment plans, instructor dispatch, organization life, elections,
 * ratings and rectifications, pacts, the development pipeline and the inbox. Every query is scoped by
 * the caller's scope; every mutation runs in one transaction with an audit row (in packages/db).
 */
import {
  addPlanNote,
  completePlanMilestone,
  advanceApplicantStage,
  confirmFullMembership,
  createApplicant,
  createPact,
  createPlan,
  dispatchView,
  electionBoard,
  foundOrganization,
  getPlan,
  grassrootsInSubtree,
  hostsWithoutCoverage,
  inboxFor,
  listApplicants,
  listMeetings,
  listPacts,
  listRatings,
  listRectifications,
  meetingComplianceBoard,
  openRectification,
  planBoard,
  probationDue,
  recordElection,
  recordMeeting,
  resolveRectification,
  setRating,
} from "@liangxin/core/work";
import {
  ORG_CATEGORY_LABELS,
  quarterToDate,
  rollingYear,
  wholeYear,
  yearToDate,
  type OrgCategory,
  type Period,
} from "@liangxin/domain";
import { z } from "zod";
import { adminProcedure, createTRPCRouter, orgProcedure } from "../trpc.ts";
import {
  advanceInput,
  applicantInput,
  confirmFullInput,
  electionInput,
  meetingInput,
  pactInput,
  periodInput,
  planCreateInput,
  planFoundInput,
  planMilestoneInput,
  planNoteInput,
  ratingInput,
  rectificationInput,
  resolveInput,
} from "./work-input.ts";

function periodOf(input: z.infer<typeof periodInput>, today: string): Period {
  if (input?.period === "quarter") return quarterToDate(today);
  if (input?.period === "year") return wholeYear(input.year ?? Number(today.slice(0, 4)));
  if (input?.period === "rolling") return rollingYear(today);
  return yearToDate(today);
}

const idInput = z.object({ id: z.number().int().positive() });

export const workRouter = createTRPCRouter({
  /** What the work pages need to know about the caller: today's date and whether they keep a territory. */
  context: orgProcedure.query(({ ctx }) => ({
    today: ctx.today,
    role: ctx.scope.role,
    hasTerritory: ctx.scope.region !== null,
    nodeName: ctx.org.name,
  })),

  /** Grassroots organizations of the caller's subtree (for the forms' selects). */
  orgs: orgProcedure.query(async ({ ctx }) =>
    (await grassrootsInSubtree(ctx)).map((o) => ({
      id: o.id,
      name: o.name,
      code: o.code,
      categoryLabel: ORG_CATEGORY_LABELS[o.category as OrgCategory] ?? o.category,
    })),
  ),

  plans: createTRPCRouter({
    board: adminProcedure.query(({ ctx }) => planBoard(ctx)),
    get: adminProcedure.input(idInput).query(({ ctx, input }) => getPlan(ctx, input)),
    create: adminProcedure.input(planCreateInput).mutation(({ ctx, input }) => createPlan(ctx, input)),
    addNote: adminProcedure.input(planNoteInput).mutation(({ ctx, input }) => addPlanNote(ctx, input)),
    /** Tick off a milestone with the day it was done. */
    completeMilestone: adminProcedure
      .input(planMilestoneInput)
      .mutation(({ ctx, input }) => completePlanMilestone(ctx, input)),
    foundOrganization: adminProcedure
      .input(planFoundInput)
      .mutation(({ ctx, input }) => foundOrganization(ctx, input)),
  }),

  /** Assigning and ending an assignment are records.assignment.start/end, the one write path. */
  instructors: createTRPCRouter({
    dispatch: adminProcedure.query(async ({ ctx }) => ({
      ...(await dispatchView(ctx)),
      uncovered: await hostsWithoutCoverage(ctx),
    })),
  }),

  meetings: createTRPCRouter({
    compliance: orgProcedure
      .input(periodInput)
      .query(({ ctx, input }) => meetingComplianceBoard(ctx, { period: periodOf(input, ctx.today) })),
    list: orgProcedure
      .input(z.object({ orgId: z.number().int().positive().optional() }).optional())
      .query(({ ctx, input }) => listMeetings(ctx, input?.orgId === undefined ? {} : { orgId: input.orgId })),
    record: orgProcedure.input(meetingInput).mutation(({ ctx, input }) => recordMeeting(ctx, input)),
  }),

  elections: createTRPCRouter({
    board: orgProcedure.query(({ ctx }) => electionBoard(ctx)),
    record: orgProcedure.input(electionInput).mutation(({ ctx, input }) => recordElection(ctx, input)),
  }),

  ratings: createTRPCRouter({
    list: adminProcedure
      .input(z.object({ year: z.number().int() }))
      .query(({ ctx, input }) => listRatings(ctx, input)),
    set: adminProcedure.input(ratingInput).mutation(({ ctx, input }) => setRating(ctx, input)),
  }),

  rectifications: createTRPCRouter({
    list: adminProcedure.query(({ ctx }) => listRectifications(ctx)),
    open: adminProcedure
      .input(rectificationInput)
      .mutation(({ ctx, input }) => openRectification(ctx, input)),
    resolve: adminProcedure
      .input(resolveInput)
      .mutation(({ ctx, input }) => resolveRectification(ctx, input)),
  }),

  pacts: createTRPCRouter({
    list: adminProcedure.query(({ ctx }) => listPacts(ctx)),
    create: adminProcedure.input(pactInput).mutation(({ ctx, input }) => createPact(ctx, input)),
  }),

  development: createTRPCRouter({
    applicants: orgProcedure.query(({ ctx }) => listApplicants(ctx)),
    probationDue: orgProcedure.query(({ ctx }) => probationDue(ctx)),
    create: orgProcedure.input(applicantInput).mutation(({ ctx, input }) => createApplicant(ctx, input)),
    advance: orgProcedure.input(advanceInput).mutation(({ ctx, input }) => advanceApplicantStage(ctx, input)),
    confirmFull: orgProcedure
      .input(confirmFullInput)
      .mutation(({ ctx, input }) => confirmFullMembership(ctx, input)),
  }),

  inbox: orgProcedure.query(({ ctx }) => inboxFor(ctx)),
});
