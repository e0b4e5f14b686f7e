/** A job of the import and export, by its id. */
import { z } from "zod";

export const jobId = z.object({ id: z.number().int().positive() });
