/** The ledger's scoped reads: hosts, organizations, members, instructors. */
import {
  areaOptions,
  getHost,
  getInstructor,
  getMember,
  getOrg,
  listHosts,
  listInstructors,
  listMembers,
  listOrgs,
  listTransfers,
  lookupGrassrootsOrg,
  lookupHostByCreditCode,
  referenceOrgs,
  regionOptions,
  unmaskMember,
} from "@liangxin/db/queries";
import { updateHost } from "@liangxin/core/commands";
import { isGrassroots, type OrgCategory } from "@liangxin/domain";
import { TRPCError } from "@trpc/server";
import { apiMessages } from "../messages.ts";
import {
  byId,
  creditCodeInput,
  hostContactInput,
  hostListInput,
  instructorListInput,
  memberListInput,
  orgCodeInput,
  orgListInput,
} from "../schemas/views.ts";
import {
  adminProcedure,
  createTRPCRouter,
  found,
  notFound,
  orgProcedure,
  protectedProcedure,
} from "../trpc.ts";

export const hostsRouter = createTRPCRouter({
  /** Operating hosts the caller sees (territory: edit; covered by the subtree: reference). */
  list: orgProcedure.input(hostListInput).query(async ({ ctx, input }) => {
    const page = found(await listHosts(ctx, input));
    return { ...page, regions: await regionOptions(ctx) };
  }),
  /**
   * Choices of the ledger forms: the township-level regions of the caller's territory (where a host may
   * be created), the caller's grassroots organizations with a formation mode (which may cover a host),
   * and today.
   */
  formOptions: orgProcedure.query(async ({ ctx }) => {
    const townships = (await regionOptions(ctx))
      .filter((r) => r.level === "township")
      .map((r) => ({ id: r.id, name: r.name }));
    const coveringOrgs: { id: number; name: string; category: string; formationMode: string }[] = [];
    for (let page = 1; ; page++) {
      const p = await listOrgs(ctx, { page, pageSize: 200 });
      if (!p) break;
      for (const o of p.rows)
        if (o.formationMode !== null && isGrassroots(o.category as OrgCategory))
          coveringOrgs.push({
            id: o.id,
            name: o.name,
            category: o.category,
            formationMode: o.formationMode,
          });
      if (page * p.pageSize >= p.total) break;
    }
    return { today: ctx.today, townships, coveringOrgs };
  }),
  /**
   * An operating host anywhere in the city by its exact 统一社会信用代码, id and name only: a member's
   * workplace may be any host, and the one recording the member confirms it by its name. Audited
   * (`host.lookup`), hence a mutation.
   */
  lookup: orgProcedure
    .input(creditCodeInput)
    .mutation(async ({ ctx, input }) =>
      found(await lookupHostByCreditCode(ctx, { creditCode: input.creditCode })),
    ),
  /** One host: edit (full), reference (name, code, township, figures) or own (the owner's). */
  get: protectedProcedure
    .input(byId)
    .query(async ({ ctx, input }) => found(await getHost(ctx, { id: input.id }))),
  /**
   * An administrator of the host's territory updates its contact: through the ledger's one host writer
   * (edit access, the version checked in the update itself, the audit row, one transaction).
   */
  updateContact: adminProcedure.input(hostContactInput).mutation(async ({ ctx, input }) => {
    const host = await updateHost(ctx, {
      id: input.id,
      version: input.version,
      contactPhone: input.contactPhone,
      address: input.address,
    });
    return { version: host.version };
  }),
});

export const orgsRouter = createTRPCRouter({
  /** Organizations of the subtree, filtered; `areas` are the management nodes the list may be narrowed to. */
  list: orgProcedure.input(orgListInput).query(async ({ ctx, input }) => {
    const page = found(await listOrgs(ctx, input));
    return { ...page, areas: await areaOptions(ctx) };
  }),
  /**
   * A grassroots organization anywhere in the city by its exact 组织代码 (code, name, category only): the
   * receiving side of a relationship transfer, as written on the transfer letter. Audited (`org.lookup`),
   * hence a mutation.
   */
  lookup: orgProcedure
    .input(orgCodeInput)
    .mutation(async ({ ctx, input }) => found(await lookupGrassrootsOrg(ctx, { code: input.code }))),
  /** Organizations outside the subtree seen for reference (covering a host of the territory, dual link). */
  references: orgProcedure.query(({ ctx }) => referenceOrgs(ctx)),
  get: orgProcedure.input(byId).query(async ({ ctx, input }) => found(await getOrg(ctx, { id: input.id }))),
});

export const membersRouter = createTRPCRouter({
  list: orgProcedure.input(memberListInput).query(async ({ ctx, input }) => {
    const page = found(await listMembers(ctx, input));
    return { ...page, areas: await areaOptions(ctx) };
  }),
  /** 组织关系接转 received by (to decide) or sent from the subtree. */
  transfers: orgProcedure.query(async ({ ctx }) => found(await listTransfers(ctx))),
  get: orgProcedure
    .input(byId)
    .query(async ({ ctx, input }) => found(await getMember(ctx, { id: input.id }))),
  /** The full citizen ID, for an administrator of the member's chain; audited (`member.unmask`). */
  unmask: orgProcedure.input(byId).mutation(async ({ ctx, input }) => {
    const r = await unmaskMember(ctx, { id: input.id });
    if (r.ok) return { idNumber: r.idNumber };
    if (r.reason === "forbidden") throw new TRPCError({ code: "FORBIDDEN", message: apiMessages.forbidden });
    return notFound();
  }),
});

export const instructorsRouter = createTRPCRouter({
  list: orgProcedure.input(instructorListInput).query(async ({ ctx, input }) => {
    const page = found(await listInstructors(ctx, input));
    return { ...page, areas: await areaOptions(ctx) };
  }),
  get: orgProcedure
    .input(byId)
    .query(async ({ ctx, input }) => found(await getInstructor(ctx, { id: input.id }))),
});
