import { z } from "zod";
import { linkContact } from "@liangxin/core/cadres";
import { id, isoDate } from "../../schemas/work.ts";
import { adminProcedure } from "../../trpc.ts";
import { contactMessages } from "./schemas.ts";

export const contactLinkInput = z
  .object({ leaderId: id, orgId: id.nullish(), hostId: id.nullish(), startOn: isoDate })
  .refine((v) => (v.orgId == null) !== (v.hostId == null), {
    error: contactMessages.subject,
    path: ["orgId"],
  });

/** A leader contacts an organization of the subtree or a host of the territory from a day. */
export const link = adminProcedure
  .input(contactLinkInput)
  .mutation(({ ctx, input }) => linkContact(ctx, input));
