/** Per-role homes (dashboard, branch, owner), corrections, user management, audit log, own account. */
import {
  bindableTargets,
  changeOwnPassword,
  correctionInbox,
  createManagedUser,
  dashboardFor,
  decideCorrection,
  decidesCorrections,
  getHost,
  getOrg,
  listManagedUsers,
  listMembers,
  myCorrections,
  resetManagedUserPassword,
  searchAudit,
  setManagedUserDisabled,
  submitCorrection,
  unlockManagedUser,
  withdrawCorrection,
} from "@liangxin/db";
import { z } from "zod";
import { auditActionLabel, auditDetail, auditEntityLabel } from "../audit-labels.ts";
import { adminOnly, found, mapDomainErrors, ownerOnly, secretaryOnly } from "../procedures.ts";
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
} from "../schemas-issue4.ts";
import { createTRPCRouter, protectedProcedure } from "../trpc.ts";

export const dashboardRouter = createTRPCRouter({
  /**
   * An administrator's node as of today: indicators (合计), its rows as the year-end report defines them
   * (child management nodes, 直属) computed as of the same day, and the lists to act on.
   */
  admin: adminOnly.query(({ ctx }) => found(dashboardFor(ctx.db, ctx.scope, ctx.today))),
  /** A branch secretary's organization: header, members, meetings, elections, covered hosts. */
  branch: secretaryOnly.query(({ ctx }) => {
    const org = found(getOrg(ctx.db, ctx.scope, ctx.org.id, ctx.today));
    const members = found(
      listMembers(ctx.db, ctx.scope, ctx.today, { page: 1, pageSize: 200, counted: false }),
    );
    return { org, members };
  }),
});

export const ownerRouter = createTRPCRouter({
  /** The enterprise's own record: never another person's personal data. */
  home: ownerOnly.query(({ ctx }) => {
    const host = found(getHost(ctx.db, ctx.scope, ctx.host.id, ctx.today));
    return { host, corrections: myCorrections(ctx.db, ctx.scope) };
  }),
});

export const correctionsRouter = createTRPCRouter({
  /** The owner submits a correction of business data (employees, revenue, contact). */
  submit: ownerOnly.input(correctionInput).mutation(({ ctx, input }) => ({
    id: mapDomainErrors(() => submitCorrection(ctx.db, ctx.scope, input)),
  })),
  /** The owner withdraws (撤回) its own pending correction; audited. */
  withdraw: ownerOnly.input(byId).mutation(({ ctx, input }) => {
    mapDomainErrors(() => withdrawCorrection(ctx.db, ctx.scope, input.id));
    return { ok: true as const };
  }),
  mine: ownerOnly.query(({ ctx }) => myCorrections(ctx.db, ctx.scope)),
  /** Corrections of hosts of the administrator's territory; the township administrator decides them. */
  inbox: adminOnly
    .input(
      z.object({ state: z.enum(["pending", "approved", "rejected", "withdrawn"]).optional() }).optional(),
    )
    .query(({ ctx, input }) => ({
      canDecide: decidesCorrections(ctx.scope),
      rows: found(correctionInbox(ctx.db, ctx.scope, input?.state)),
    })),
  decide: adminOnly.input(decideInput).mutation(({ ctx, input }) => {
    mapDomainErrors(() =>
      decideCorrection(
        ctx.db,
        ctx.scope,
        input.id,
        input.approve ? { approve: true } : { approve: false, reason: input.reason },
      ),
    );
    return { ok: true as const };
  }),
});

export const usersRouter = createTRPCRouter({
  /** Users within the administrator's subtree and territory, with their lock (锁定至 …). */
  list: adminOnly
    .input(userListInput)
    .query(({ ctx, input }) => found(listManagedUsers(ctx.db, ctx.scope, input))),
  /** What a new user may be bound to. */
  targets: adminOnly.query(({ ctx }) => found(bindableTargets(ctx.db, ctx.scope, ctx.today))),
  create: adminOnly.input(createUserInput).mutation(({ ctx, input }) => ({
    id: mapDomainErrors(() =>
      createManagedUser(ctx.db, ctx.scope, {
        username: input.username,
        displayName: input.displayName,
        password: input.password,
        role: input.role,
        ...(input.orgId !== undefined ? { orgId: input.orgId } : {}),
        ...(input.hostCreditCode ? { hostCreditCode: input.hostCreditCode } : {}),
      }),
    ),
  })),
  setDisabled: adminOnly
    .input(z.object({ id: idSchema, disabled: z.boolean() }))
    .mutation(({ ctx, input }) => {
      mapDomainErrors(() => setManagedUserDisabled(ctx.db, ctx.scope, input.id, input.disabled));
      return { ok: true as const };
    }),
  resetPassword: adminOnly.input(z.object({ id: idSchema, password })).mutation(({ ctx, input }) => {
    mapDomainErrors(() => resetManagedUserPassword(ctx.db, ctx.scope, input.id, input.password));
    return { ok: true as const };
  }),
  unlock: adminOnly.input(byId).mutation(({ ctx, input }) => {
    mapDomainErrors(() => unlockManagedUser(ctx.db, ctx.scope, input.id));
    return { ok: true as const };
  }),
});

export const auditRouter = createTRPCRouter({
  /** Audit entries within the administrator's scope. */
  search: adminOnly.input(auditInput).query(({ ctx, input }) => {
    const page = found(searchAudit(ctx.db, ctx.scope, input));
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
  /** The signed-in user changes their own password (old password required, at least 8 characters). */
  changePassword: protectedProcedure.input(changePasswordInput).mutation(({ ctx, input }) => {
    mapDomainErrors(() => changeOwnPassword(ctx.db, ctx.scope, input.oldPassword, input.newPassword));
    return { ok: true as const };
  }),
});
