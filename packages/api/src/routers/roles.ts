/** Per-role homes (dashboard, branch, owner), corrections, user management, audit log, own account. */
import {
  bindableTargets,
  changeOwnPassword,
  createManagedUser,
  endManagedUserSession,
  listManagedUserSessions,
  listManagedUsers,
  resetManagedUserPassword,
  setManagedUserDisabled,
} from "@liangxin/core/users";
import {
  correctionInbox,
  decideCorrection,
  decidesCorrections,
  myCorrections,
  submitCorrection,
  withdrawCorrection,
} from "@liangxin/core/corrections";
import { dashboardFor } from "@liangxin/core/dashboard";
import { getHost, getOrg, listMembers, searchAudit } from "@liangxin/db/queries";
import { z } from "zod";
import { auditActionLabel, auditDetail, auditEntityLabel } from "../audit-labels.ts";
import {
  auditInput,
  byId,
  changePasswordInput,
  correctionInput,
  createUserInput,
  decideInput,
  idSchema,
  password,
  userListInput,
} from "../schemas/views.ts";
import {
  adminProcedure,
  createTRPCRouter,
  found,
  ownerProcedure,
  secretaryProcedure,
  signedInProcedure,
} from "../trpc.ts";

export const dashboardRouter = createTRPCRouter({
  /**
   * An administrator's node as of today: indicators (合计), its rows as the year-end report defines them
   * (child management nodes, 直属) computed as of the same day, and the lists to act on.
   */
  admin: adminProcedure.query(async ({ ctx }) => found(await dashboardFor(ctx))),
  /** A branch secretary's organization: header, members, meetings, elections, covered hosts. */
  branch: secretaryProcedure.query(async ({ ctx }) => {
    const org = found(await getOrg(ctx, { id: ctx.org.id }));
    const members = found(await listMembers(ctx, { page: 1, pageSize: 200, counted: false }));
    return { org, members };
  }),
});

export const ownerRouter = createTRPCRouter({
  /** The enterprise's own record: never another person's personal data. */
  home: ownerProcedure.query(async ({ ctx }) => {
    const host = found(await getHost(ctx, { id: ctx.host.id }));
    return { host, corrections: await myCorrections(ctx) };
  }),
});

export const correctionsRouter = createTRPCRouter({
  /** The owner submits a correction of business data (employees, revenue, contact). */
  submit: ownerProcedure.input(correctionInput).mutation(async ({ ctx, input }) => ({
    id: await submitCorrection(ctx, input),
  })),
  /** The owner withdraws (撤回) its own pending correction; audited. */
  withdraw: ownerProcedure.input(byId).mutation(async ({ ctx, input }) => {
    await withdrawCorrection(ctx, input);
    return { ok: true as const };
  }),
  mine: ownerProcedure.query(({ ctx }) => myCorrections(ctx)),
  /** Corrections of hosts of the administrator's territory; the township administrator decides them. */
  inbox: adminProcedure
    .input(
      z
        .object({
          state: z.enum(["pending", "approved", "rejected", "withdrawn"]).optional(),
          /** The newest this many (the home page shows five and the count); 200 by default. */
          limit: z.number().int().min(1).max(200).optional(),
        })
        .optional(),
    )
    .query(async ({ ctx, input }) => ({
      canDecide: decidesCorrections(ctx.scope),
      ...found(await correctionInbox(ctx, { state: input?.state, limit: input?.limit })),
    })),
  decide: adminProcedure.input(decideInput).mutation(async ({ ctx, input }) => {
    await decideCorrection(ctx, input);
    return { ok: true as const };
  }),
});

export const usersRouter = createTRPCRouter({
  /** Users bound below the administrator's node and owners of its territory. */
  list: adminProcedure
    .input(userListInput)
    .query(async ({ ctx, input }) => found(await listManagedUsers(ctx, input))),
  /** What a new user may be bound to. */
  targets: adminProcedure.query(async ({ ctx }) => found(await bindableTargets(ctx))),
  create: adminProcedure.input(createUserInput).mutation(async ({ ctx, input }) => ({
    id: await createManagedUser(ctx, {
      username: input.username,
      displayName: input.displayName,
      password: input.password,
      role: input.role,
      ...(input.orgId !== undefined ? { orgId: input.orgId } : {}),
      ...(input.hostCreditCode ? { hostCreditCode: input.hostCreditCode } : {}),
    }),
  })),
  setDisabled: adminProcedure
    .input(z.object({ id: idSchema, disabled: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await setManagedUserDisabled(ctx, { userId: input.id, disabled: input.disabled });
      return { ok: true as const };
    }),
  /** A new password for a managed user; every session of the user ends. */
  resetPassword: adminProcedure
    .input(z.object({ id: idSchema, password }))
    .mutation(async ({ ctx, input }) => {
      await resetManagedUserPassword(ctx, {
        userId: input.id,
        password: input.password,
        now: ctx.clock.now(),
      });
      return { ok: true as const };
    }),
  /** The live sessions of a managed user: signed in when, last seen when, which browser, which address. */
  sessions: adminProcedure
    .input(byId)
    .query(({ ctx, input }) => listManagedUserSessions(ctx, { userId: input.id, now: ctx.clock.now() })),
  /** End one session of a managed user. */
  endSession: adminProcedure
    .input(z.object({ id: idSchema, sessionId: idSchema }))
    .mutation(async ({ ctx, input }) => {
      await endManagedUserSession(ctx, { userId: input.id, sessionId: input.sessionId });
      return { ok: true as const };
    }),
});

export const auditRouter = createTRPCRouter({
  /** Audit entries within the administrator's scope. */
  search: adminProcedure.input(auditInput).query(async ({ ctx, input }) => {
    const page = found(await searchAudit(ctx, input));
    return {
      ...page,
      rows: page.rows.map((r) => ({
        ...r,
        actionLabel: auditActionLabel(r.action),
        entityLabel: auditEntityLabel(r.entity),
        detail: auditDetail(r.before, r.after),
      })),
    };
  }),
});

export const accountRouter = createTRPCRouter({
  /**
   * The signed-in user changes their own password (old password required; the new one at least 10
   * characters with letters and digits, not the current one), also when it must be set first; wrong
   * old passwords count toward the sign-in throttle of the user's name and the client's address.
   */
  changePassword: signedInProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    await changeOwnPassword(ctx, {
      oldPassword: input.oldPassword,
      newPassword: input.newPassword,
      clientAddress: ctx.clientAddress,
      now: ctx.clock.now(),
    });
    return { ok: true as const };
  }),
});
