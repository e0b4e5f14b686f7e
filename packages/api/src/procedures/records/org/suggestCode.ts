import { z } from "zod";
import { suggestOrgCode } from "@liangxin/core/commands";
import { id } from "../../../schemas/common.ts";
import { protectedProcedure as p } from "../../../trpc.ts";

/** The suggested 组织代码 of a new organization under `parentId`. */
export const orgSuggestCodeInput = z.object({ parentId: id });

/** The next free 组织代码 of the parent's series (a parent the caller edits), for the new-organization form. */
export const suggestCode = p.input(orgSuggestCodeInput).query(({ ctx, input }) => suggestOrgCode(ctx, input));
