/**
 * The daily-work router: establishment plans, instructor dispatch, organization life, elections,
 * ratings and rectifications, pacts, the development pipeline and the inbox. Every query is scoped by
 * the caller's scope; every mutation runs in one transaction with an audit row (in packages/db).
 */
import { TRPCError } from "@trpc/server";
import { toTRPCError } from "../error-map.ts";
import {
  addPlanNote,
  completePlanMilestone,
  advanceApplicantStage,
  assignInstructor,
  confirmFullMembership,
  createApplicant,
  createPact,
  createPlan,
  dispatchView,
  electionBoard,
  endWorkAssignment,
  foundOrganization,
  getPlan,
  grassrootsInSubtree,
  hostsWithoutCoverage,
  inboxFor,
  isWorkNotFound,
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
} from "@liangxin/db";
import {
  isDomainError,
  isWorkRuleError,
  ORG_CATEGORY_LABELS,
  quarterToDate,
  rollingYear,
  wholeYear,
  yearToDate,
  type OrgCategory,
  type Period,
} from "@liangxin/domain";
import { z } from "zod";
import { apiMessages } from "../messages.ts";
import { adminProcedure, createTRPCRouter, orgProcedure } from "../trpc.ts";
import {
  advanceInput,
  applicantInput,
  assignInput,
  confirmFullInput,
  electionInput,
  endAssignmentInput,
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

/** Run a db call: out of scope → NOT_FOUND; a refused rule → BAD_REQUEST with its Chinese message. */
function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (isWorkNotFound(e))
      throw new TRPCError({ code: "NOT_FOUND", message: apiMessages.notFound, cause: e });
    if (isWorkRuleError(e) || isDomainError(e))
      throw new TRPCError({ code: "BAD_REQUEST", message: e.message, cause: e });
    throw toTRPCError(e) ?? e;
  }
}

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
    board: adminProcedure.query(({ ctx }) => guard(() => planBoard(ctx.db, ctx.scope, ctx.today))),
    get: adminProcedure
      .input(idInput)
      .query(({ ctx, input }) => guard(() => getPlan(ctx.db, ctx.scope, input.id, ctx.today))),
    create: adminProcedure
      .input(planCreateInput)
      .mutation(({ ctx, input }) => guard(() => createPlan(ctx.db, ctx.scope, input, ctx.today))),
    addNote: adminProcedure
      .input(planNoteInput)
      .mutation(({ ctx, input }) => guard(() => addPlanNote(ctx.db, ctx.scope, input, ctx.today))),
    /** Tick off a milestone with the day it was done. */
    completeMilestone: adminProcedure
      .input(planMilestoneInput)
      .mutation(({ ctx, input }) => guard(() => completePlanMilestone(ctx.db, ctx.scope, input, ctx.today))),
    foundOrganization: adminProcedure
      .input(planFoundInput)
      .mutation(({ ctx, input }) => guard(() => foundOrganization(ctx.db, ctx.scope, input, ctx.today))),
  }),

  instructors: createTRPCRouter({
    dispatch: adminProcedure.query(({ ctx }) =>
      guard(() => ({
        ...dispatchView(ctx.db, ctx.scope, ctx.today),
        uncovered: hostsWithoutCoverage(ctx.db, ctx.scope, ctx.today),
      })),
    ),
    assign: adminProcedure
      .input(assignInput)
      .mutation(({ ctx, input }) => guard(() => assignInstructor(ctx.db, ctx.scope, input, ctx.today))),
    end: adminProcedure
      .input(endAssignmentInput)
      .mutation(({ ctx, input }) => guard(() => endWorkAssignment(ctx.db, ctx.scope, input, ctx.today))),
  }),

  meetings: createTRPCRouter({
    compliance: orgProcedure
      .input(periodInput)
      .query(({ ctx, input }) =>
        guard(() => meetingComplianceBoard(ctx.db, ctx.scope, periodOf(input, ctx.today), ctx.today)),
      ),
    list: orgProcedure
      .input(z.object({ orgId: z.number().int().positive().optional() }).optional())
      .query(({ ctx, input }) =>
        guard(() =>
          listMeetings(
            ctx.db,
            ctx.scope,
            ctx.today,
            input?.orgId === undefined ? {} : { orgId: input.orgId },
          ),
        ),
      ),
    record: orgProcedure
      .input(meetingInput)
      .mutation(({ ctx, input }) => guard(() => recordMeeting(ctx.db, ctx.scope, input, ctx.today))),
  }),

  elections: createTRPCRouter({
    board: orgProcedure.query(({ ctx }) => guard(() => electionBoard(ctx.db, ctx.scope, ctx.today))),
    record: orgProcedure
      .input(electionInput)
      .mutation(({ ctx, input }) => guard(() => recordElection(ctx.db, ctx.scope, input, ctx.today))),
  }),

  ratings: createTRPCRouter({
    list: adminProcedure
      .input(z.object({ year: z.number().int() }))
      .query(({ ctx, input }) => guard(() => listRatings(ctx.db, ctx.scope, input.year, ctx.today))),
    set: adminProcedure
      .input(ratingInput)
      .mutation(({ ctx, input }) => guard(() => setRating(ctx.db, ctx.scope, input, ctx.today))),
  }),

  rectifications: createTRPCRouter({
    list: adminProcedure.query(({ ctx }) => guard(() => listRectifications(ctx.db, ctx.scope, ctx.today))),
    open: adminProcedure
      .input(rectificationInput)
      .mutation(({ ctx, input }) => guard(() => openRectification(ctx.db, ctx.scope, input))),
    resolve: adminProcedure
      .input(resolveInput)
      .mutation(({ ctx, input }) => guard(() => resolveRectification(ctx.db, ctx.scope, input, ctx.today))),
  }),

  pacts: createTRPCRouter({
    list: adminProcedure.query(({ ctx }) => guard(() => listPacts(ctx.db, ctx.scope, ctx.today))),
    create: adminProcedure
      .input(pactInput)
      .mutation(({ ctx, input }) => guard(() => createPact(ctx.db, ctx.scope, input, ctx.today))),
  }),

  development: createTRPCRouter({
    applicants: orgProcedure.query(({ ctx }) => guard(() => listApplicants(ctx.db, ctx.scope, ctx.today))),
    probationDue: orgProcedure.query(({ ctx }) => guard(() => probationDue(ctx.db, ctx.scope, ctx.today))),
    create: orgProcedure
      .input(applicantInput)
      .mutation(({ ctx, input }) => guard(() => createApplicant(ctx.db, ctx.scope, input, ctx.today))),
    advance: orgProcedure
      .input(advanceInput)
      .mutation(({ ctx, input }) => guard(() => advanceApplicantStage(ctx.db, ctx.scope, input, ctx.today))),
    confirmFull: orgProcedure
      .input(confirmFullInput)
      .mutation(({ ctx, input }) => guard(() => confirmFullMembership(ctx.db, ctx.scope, input, ctx.today))),
  }),

  inbox: orgProcedure.query(({ ctx }) => guard(() => inboxFor(ctx.db, ctx.scope, ctx.today))),
});
