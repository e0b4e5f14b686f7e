import { z } from "zod";
import { updateHost } from "@liangxin/core/commands";
import { idSchema, phone, text } from "../../schemas/views.ts";
import { adminProcedure } from "../../trpc.ts";

export const hostContactInput = z.object({
  id: idSchema,
  contactPhone: phone,
  address: text(200).nullable(),
  version: z.number().int().min(1),
});

/**
 * An administrator of the host's territory updates its contact: through the ledger's one host writer
 * (edit access, the version checked in the update itself, the audit row, one transaction).
 */
export const updateContact = adminProcedure.input(hostContactInput).mutation(async ({ ctx, input }) => {
  const host = await updateHost(ctx, {
    id: input.id,
    version: input.version,
    contactPhone: input.contactPhone,
    address: input.address,
  });
  return { version: host.version };
});
