/** The pieces of the 年报 procedures' input schemas: year, node or submission id, version (Chinese messages). */
import { z } from "zod";
import { MIN_REPORT_YEAR, MAX_REPORT_YEAR } from "@liangxin/core/reports";
import { reportApiMessages as m } from "../report-messages.ts";

export const year = z
  .number({ error: m.yearRequired })
  .int(m.yearRequired)
  .min(MIN_REPORT_YEAR, m.yearRange)
  .max(MAX_REPORT_YEAR, m.yearRange);

export const id = z.number({ error: m.idRequired }).int(m.idRequired).positive(m.idRequired);

export const version = id.optional();
