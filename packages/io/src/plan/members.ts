/**
 * 党员 rows: one per 公民身份号码; the birth date agreeing with the id number, 转正 not before 入党, the
 * relationship held either by an organization (of the import or the database) or outside the system, a
 * date for a status other than 正常. The member's relationship history, workplaces and status events
 * follow from these rows in `relationships.ts`, `workplaces.ts` and `status-events.ts`.
 */
import { citizenIdBirthDate } from "@liangxin/domain";
import { ioMessages as m } from "../messages.ts";
import type { Located, MemberRow } from "../tables.ts";
import { header, type PlanContext } from "./context.ts";

/** Stages the members and returns the valid 党员 rows. */
export function planMembers(cx: PlanContext): Located<MemberRow>[] {
  const { members } = cx.state;
  const first = cx.firstInSheet();
  const rows = cx.sheets.members.filter((r) => {
    let ok = first(r.idNumber, r.loc, header("members", "idNumber"), r.idNumber);
    const fromId = citizenIdBirthDate(r.idNumber);
    if (r.birthDate !== null && fromId !== null && r.birthDate !== fromId) {
      cx.error(r.loc, header("members", "birthDate"), r.birthDate, m.birthMismatch(fromId));
      ok = false;
    }
    if (r.fullOn !== null && r.fullOn < r.joinedOn) {
      cx.error(r.loc, header("members", "fullOn"), r.fullOn, m.fullBeforeJoined);
      ok = false;
    }
    if (r.orgCode !== null && r.outsideOrgName !== null) {
      cx.error(r.loc, header("members", "outsideOrgName"), r.outsideOrgName, m.relationshipBoth);
      ok = false;
    }
    if (r.orgCode === null && r.outsideOrgName === null) {
      cx.error(r.loc, header("members", "orgCode"), "", m.relationshipNone);
      ok = false;
    }
    if (r.status !== null && r.status !== "normal" && r.statusOn === null) {
      cx.error(r.loc, header("members", "statusOn"), "", m.statusDateRequired);
      ok = false;
    }
    return ok;
  });
  for (const r of rows) {
    const oid = r.orgCode === null ? null : cx.orgId(r.orgCode, r.loc, header("members", "orgCode"));
    const wid = r.workCode === null ? null : cx.hostId(r.workCode, r.loc, header("members", "workCode"));
    if (oid === undefined || wid === undefined) continue;
    members.stage(
      r.idNumber,
      {
        idNumber: r.idNumber,
        name: r.name,
        gender: r.gender,
        birthDate: r.birthDate ?? citizenIdBirthDate(r.idNumber),
        joinedOn: r.joinedOn,
        fullOn: r.fullOn,
        orgId: oid,
        outsideOrgName: r.outsideOrgName,
        workHostId: wid,
        workSince: wid === null ? null : (r.workSince ?? r.joinedOn),
        jobCategory: r.jobCategory,
        status: r.status ?? "normal",
        statusOn: r.statusOn,
        mobile: r.mobile ? 1 : 0,
        lostContact: r.lostContact ? 1 : 0,
        pocket: r.pocket ? 1 : 0,
      },
      r.loc,
    );
  }
  return rows;
}
