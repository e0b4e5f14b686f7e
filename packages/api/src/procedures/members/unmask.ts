import { unmaskMember } from "@liangxin/db/queries";
import { TRPCError } from "@trpc/server";
import { orgProcedure, notFound } from "../../trpc.ts";
import { byId } from "../../schemas/views.ts";
import { apiMessages } from "../../messages.ts";

/** The full citizen ID, for an administrator of the member's chain; audited (`member.unmask`). */
export const unmask = orgProcedure.input(byId).mutation(async ({ ctx, input }) => {
  const r = await unmaskMember(ctx, { id: input.id });
  if (r.ok) return { idNumber: r.idNumber };
  if (r.reason === "forbidden") throw new TRPCError({ code: "FORBIDDEN", message: apiMessages.forbidden });
  return notFound();
});
