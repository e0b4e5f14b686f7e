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
  orgs: orgProcedure.query(({ ctx }) =>
    grassrootsInSubtree(ctx.db, ctx.scope, ctx.today).map((o) => ({
      id: o.id,
      name: o.name,
      code: o.code,
      categoryLabel: ORG_CATEGORY_LABELS[o.category as OrgCategory] ?? o.category,
    })),
  ),

  plans: createTRPCRouter({
    board: adminProcedure.query(({ ctx }) => planBoard(ctx.db, ctx.scope, ctx.today)),
    get: adminProcedure
      .input(idInput)
      .query(({ ctx, input }) => getPlan(ctx.db, ctx.scope, input.id, ctx.today)),
    create: adminProcedure
      .input(planCreateInput)
      .mutation(({ ctx, input }) => createPlan(ctx.db, ctx.scope, input, ctx.today)),
    addNote: adminProcedure
      .input(planNoteInput)
      .mutation(({ ctx, input }) => addPlanNote(ctx.db, ctx.scope, input, ctx.today)),
    /** Tick off a milestone with the day it was done. */
    completeMilestone: adminProcedure
      .input(planMilestoneInput)
      .mutation(({ ctx, input }) => completePlanMilestone(ctx.db, ctx.scope, input, ctx.today)),
    foundOrganization: adminProcedure
      .input(planFoundInput)
      .mutation(({ ctx, input }) => foundOrganization(ctx.db, ctx.scope, input, ctx.today)),
  }),

  /** Assigning and ending an assignment are records.assignment.start/end, the one write path. */
  instructors: createTRPCRouter({
    dispatch: adminProcedure.query(({ ctx }) => ({
      ...dispatchView(ctx.db, ctx.scope, ctx.today),
      uncovered: hostsWithoutCoverage(ctx.db, ctx.scope, ctx.today),
    })),
  }),

  meetings: createTRPCRouter({
    compliance: orgProcedure
      .input(periodInput)
      .query(({ ctx, input }) =>
        meetingComplianceBoard(ctx.db, ctx.scope, periodOf(input, ctx.today), ctx.today),
      ),
    list: orgProcedure
      .input(z.object({ orgId: z.number().int().positive().optional() }).optional())
      .query(({ ctx, input }) =>
        listMeetings(ctx.db, ctx.scope, ctx.today, input?.orgId === undefined ? {} : { orgId: input.orgId }),
      ),
    record: orgProcedure
      .input(meetingInput)
      .mutation(({ ctx, input }) => recordMeeting(ctx.db, ctx.scope, input, ctx.today)),
  }),

  elections: createTRPCRouter({
    board: orgProcedure.query(({ ctx }) => electionBoard(ctx.db, ctx.scope, ctx.today)),
    record: orgProcedure
      .input(electionInput)
      .mutation(({ ctx, input }) => recordElection(ctx.db, ctx.scope, input, ctx.today)),
  }),

  ratings: createTRPCRouter({
    list: adminProcedure
      .input(z.object({ year: z.number().int() }))
      .query(({ ctx, input }) => listRatings(ctx.db, ctx.scope, input.year, ctx.today)),
    set: adminProcedure
      .input(ratingInput)
      .mutation(({ ctx, input }) => setRating(ctx.db, ctx.scope, input, ctx.today)),
  }),

  rectifications: createTRPCRouter({
    list: adminProcedure.query(({ ctx }) => listRectifications(ctx.db, ctx.scope, ctx.today)),
    open: adminProcedure
      .input(rectificationInput)
      .mutation(({ ctx, input }) => openRectification(ctx.db, ctx.scope, input)),
    resolve: adminProcedure
      .input(resolveInput)
      .mutation(({ ctx, input }) => resolveRectification(ctx.db, ctx.scope, input, ctx.today)),
  }),

  pacts: createTRPCRouter({
    list: adminProcedure.query(({ ctx }) => listPacts(ctx.db, ctx.scope, ctx.today)),
    create: adminProcedure
      .input(pactInput)
      .mutation(({ ctx, input }) => createPact(ctx.db, ctx.scope, input, ctx.today)),
  }),

  development: createTRPCRouter({
    applicants: orgProcedure.query(({ ctx }) => listApplicants(ctx.db, ctx.scope, ctx.today)),
    probationDue: orgProcedure.query(({ ctx }) => probationDue(ctx.db, ctx.scope, ctx.today)),
    create: orgProcedure
      .input(applicantInput)
      .mutation(({ ctx, input }) => createApplicant(ctx.db, ctx.scope, input, ctx.today)),
    advance: orgProcedure
      .input(advanceInput)
      .mutation(({ ctx, input }) => advanceApplicantStage(ctx.db, ctx.scope, input, ctx.today)),
    confirmFull: orgProcedure
      .input(confirmFullInput)
      .mutation(({ ctx, input }) => confirmFullMembership(ctx.db, ctx.scope, input, ctx.today)),
  }),

  inbox: orgProcedure.query(({ ctx }) => inboxFor(ctx.db, ctx.scope, ctx.today)),
});
