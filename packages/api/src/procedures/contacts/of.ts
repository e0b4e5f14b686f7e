import { z } from "zod";
import { contactsOf } from "@liangxin/core/cadres";
import { id } from "../../schemas/work.ts";
import { orgProcedure } from "../../trpc.ts";

export const contactsOfInput = z.object({ orgId: id.optional(), hostId: id.optional() });

/** The leaders contacting one organization or host today (an organization's or a host's page). */
export const of = orgProcedure.input(contactsOfInput).query(({ ctx, input }) => contactsOf(ctx, input));
