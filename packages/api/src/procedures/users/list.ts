import { z } from "zod";
import { listManagedUsers } from "@liangxin/core/users";
import { pageFields, text } from "../../schemas/views.ts";
import { adminProcedure, found } from "../../trpc.ts";

export const userListInput = z.object({ ...pageFields, q: text().optional() });

/** Users bound below the administrator's node and owners of its territory. */
export const list = adminProcedure
  .input(userListInput)
  .query(async ({ ctx, input }) => found(await listManagedUsers(ctx, input)));
