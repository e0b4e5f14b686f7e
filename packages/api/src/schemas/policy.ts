import { MAX_REPORT_EARLY_OPEN_DAYS, ORG_RULES } from "@liangxin/domain";
import { z } from "zod";
import { isoDate, optionalText } from "./common.ts";
import { schemaMessages as m } from "./messages.ts";

const count = z
  .number({ error: m.positiveInt })
  .int({ error: m.positiveInt })
  .min(0, { error: m.nonNegative });
const positive = z
  .number({ error: m.positiveInt })
  .int({ error: m.positiveInt })
  .positive({ error: m.positiveInt });

/** A partial of the domain's Policy: only what changes from the version in force. */
export const policyParamsInput = z
  .object({
    aboveScaleEmployees: positive,
    aboveScaleMidEmployees: positive,
    aboveScaleRevenue: z.number({ error: m.nonNegative }).min(0, { error: m.nonNegative }),
    minMembersForBranch: positive,
    onlyFullMembersCount: z.boolean(),
    jointCap: positive,
    instructorCap: positive,
    termYears: z.object({ committee: positive, generalBranch: positive, branch: positive }).partial(),
    meetingsPerYear: z
      .object({
        memberAssembly: count,
        branchCommittee: count,
        groupMeeting: count,
        partyLecture: count,
        themeDay: count,
        lifeMeeting: count,
        democraticReview: count,
      })
      .partial(),
    workCoverage: z.object({ instructor: z.boolean(), massOrganizations: z.boolean() }).partial(),
    mobileMonths: positive,
    probationMonths: positive,
    activistMonths: positive,
    sessionIdleMinutes: positive.min(5, { error: m.sessionIdle }).max(480, { error: m.sessionIdle }),
    contactVisitMonths: positive.max(24, { error: m.contactVisitMonths }),
    reportEarlyOpenDays: count.max(MAX_REPORT_EARLY_OPEN_DAYS, { error: m.reportEarlyOpen }),
    basics: z
      .object({
        committeeFromMembers: positive,
        committeeMinSize: positive,
        minMeetingCompliancePct: count.max(100, { error: m.percent }),
        coreRules: z.array(z.enum(ORG_RULES, { error: m.rule })).max(ORG_RULES.length),
        feeBandLowPermille: count.max(1000, { error: m.permille }),
        feeBandHighPermille: count.max(1000, { error: m.permille }),
      })
      .partial(),
  })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, { error: m.policyEmpty });

export const policySetInput = z.object({
  effectiveOn: isoDate,
  params: policyParamsInput,
  note: optionalText(500),
});
