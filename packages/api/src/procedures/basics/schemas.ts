/**
 * The pieces of the five-basics procedures' input schemas (shared by several of them), with Chinese
 * messages; each procedure's own schema is in its file.
 */
import { z } from "zod";
import { fenOf, parseMoney, VENUE_EQUIPMENT, VENUE_STATUSES } from "@liangxin/domain";
import { isoDate } from "../../schemas/work.ts";

export const basicsMessages = {
  status: "请选择活动场所状况(无 / 不达标 / 不配套 / 达标)",
  equipment: "配备设施只能是电教设备、办公桌椅、党旗、党徽、报刊图书",
  area: "面积(平方米)应为0至100000之间的整数",
  post: "请选择班子职务",
  rule: "请选择制度",
  source: "请选择经费来源",
  amount: "金额(万元)应不小于0,精确到分(最多六位小数)",
  allowance: "津贴(元/月)应不小于0,最多两位小数",
  kind: "请选择书记类别(专职 / 兼职)",
  secretarySource: "请选择书记来源(企业主 / 管理层 / 工会主席 / 选派)",
} as const;

/** A venue as found on a day: status, area and the equipment checklist. */
export const venueCheckFields = {
  checkedOn: isoDate,
  status: z.enum(VENUE_STATUSES, { error: basicsMessages.status }),
  areaSqm: z
    .number({ error: basicsMessages.area })
    .int({ error: basicsMessages.area })
    .min(0, { error: basicsMessages.area })
    .max(100_000, { error: basicsMessages.area })
    .nullish(),
  equipment: z
    .array(z.enum(VENUE_EQUIPMENT, { error: basicsMessages.equipment }))
    .max(VENUE_EQUIPMENT.length),
};

/** An optional day of the check (default: today). */
export const onInput = z.object({ on: isoDate.optional() }).optional();

/** An amount of funds in 万元 as typed, exact to the 分 (6 decimals), into whole 分. */
export const fundAmount = z
  .union([z.number(), z.string()], { error: basicsMessages.amount })
  .refine(
    (v) => {
      const r = parseMoney(v, "wan", { decimals: 6 });
      return r.ok && r.fen <= fenOf(1e9, "wan");
    },
    { error: basicsMessages.amount },
  )
  .transform((v) => fenOf(v, "wan"));
