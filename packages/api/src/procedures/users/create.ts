import { z } from "zod";
import { createManagedUser } from "@liangxin/core/users";
import { text, inputMessages, password, idSchema } from "../../schemas/views.ts";
import { adminProcedure } from "../../trpc.ts";

export const createUserInput = z.object({
  username: text(32)
    .min(2, inputMessages.username)
    .regex(/^[A-Za-z0-9_.-]+$/, inputMessages.username),
  displayName: text(50).min(1, inputMessages.required),
  password,
  role: z.enum(["admin", "secretary", "owner"]),
  orgId: idSchema.optional(),
  hostCreditCode: text(18).optional(),
});

export const create = adminProcedure.input(createUserInput).mutation(async ({ ctx, input }) => ({
  id: await createManagedUser(ctx, {
    username: input.username,
    displayName: input.displayName,
    password: input.password,
    role: input.role,
    ...(input.orgId !== undefined ? { orgId: input.orgId } : {}),
    ...(input.hostCreditCode ? { hostCreditCode: input.hostCreditCode } : {}),
  }),
}));
