/** 两新组织: create, update (optimistic concurrency), employees and revenue per year. */
import type { Cx } from "@liangxin/db/cx";
import { AppError, type HostKind } from "@liangxin/domain";
import { selectOne, writeTransaction } from "@liangxin/db/driver";
import { hosts, hostYears, regions } from "@liangxin/db/schema";
import { and, eq, sql } from "drizzle-orm";
import { assertVersion, audit, isUniqueViolation, nodeOfRegion, requireHostEdit } from "./common.ts";
import { commandMessages } from "./messages.ts";
import { isUnder } from "@liangxin/db/scope";
import { assertNotLocked, earliest } from "../reports/lock.ts";
import { withWriter } from "../writers/index.ts";

export interface HostFields {
  creditCode: string;
  name: string;
  kind: HostKind;
  industry?: string | null;
  regionId: number;
  foundedOn: string;
  closedOn?: string | null;
  ownerName?: string | null;
  ownerIsMember?: boolean;
  contactPhone?: string | null;
  address?: string | null;
  unionOn?: string | null;
  youthLeagueOn?: string | null;
  womenOn?: string | null;
}

export type CreateHostInput = HostFields;
export type UpdateHostInput = { id: number; version: number } & Partial<HostFields>;

export interface HostYearInput {
  hostId: number;
  year: number;
  employees: number;
  /** 营业收入 in whole 分 (the API reads the 万元 typed). */
  revenueFen?: number | null;
  /** 职工工资总额 in whole 分; not given: kept as recorded. */
  payrollFen?: number | null;
}

type HostRow = typeof hosts.$inferSelect;

/** The region must be a township-level area of the caller's territory. */
async function requireTownshipInTerritory(cx: Cx, regionId: number): Promise<void> {
  const { db } = cx;
  const territory = cx.scope.region?.path;
  const r = (await db.select().from(regions).where(eq(regions.id, regionId)).limit(1))[0];
  if (!r || !isUnder(r.path, territory)) throw AppError.notFound();
  if (r.level !== "township")
    throw AppError.rule("HOST_REGION_NOT_TOWNSHIP", commandMessages.hostRegionNotTownship);
}

function assertDates(h: Pick<HostRow, "foundedOn" | "closedOn">): void {
  if (h.closedOn != null && h.closedOn <= h.foundedOn)
    throw AppError.rule("HOST_CLOSED_BEFORE_FOUNDED", commandMessages.closedBeforeFounded);
}

async function uniqueCode<T>(code: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isUniqueViolation(e, "credit_code"))
      throw AppError.rule("CREDIT_CODE_TAKEN", commandMessages.creditCodeTaken(code));
    throw e;
  }
}

export async function createHost(cx: Cx, input: CreateHostInput): Promise<HostRow> {
  const { db } = cx;
  return writeTransaction(db, async () => {
    await requireTownshipInTerritory(cx, input.regionId);
    assertDates({ foundedOn: input.foundedOn, closedOn: input.closedOn ?? null });
    await assertNotLocked(db, { on: input.foundedOn, regionIds: [input.regionId] });
    const row = await uniqueCode(input.creditCode, () =>
      withWriter(db, (w) => w.insert(hosts, { ...input, ownerIsMember: input.ownerIsMember ?? false })),
    );
    await audit(cx, {
      action: "host.create",
      entity: "host",
      entityId: row.id,
      scopeOrgId: await nodeOfRegion(db, row.regionId),
      after: row,
    });
    return row;
  });
}

export async function updateHost(cx: Cx, input: UpdateHostInput): Promise<HostRow> {
  const { db } = cx;
  return writeTransaction(db, async () => {
    await requireHostEdit(cx, input.id);
    const before = (await db.select().from(hosts).where(eq(hosts.id, input.id)).limit(1))[0];
    if (!before) throw AppError.notFound();
    assertVersion(before.version, input.version);
    const { id, version, ...changes } = input;
    if (changes.regionId !== undefined && changes.regionId !== before.regionId)
      await requireTownshipInTerritory(cx, changes.regionId);
    assertDates({
      foundedOn: changes.foundedOn ?? before.foundedOn,
      closedOn: changes.closedOn === undefined ? before.closedOn : changes.closedOn,
    });
    // What decides the figures: dates from the earlier of old and new; kind and territory since founding.
    const lockFrom = earliest(
      changes.foundedOn !== undefined && changes.foundedOn !== before.foundedOn
        ? earliest(changes.foundedOn, before.foundedOn)
        : undefined,
      changes.closedOn !== undefined && changes.closedOn !== before.closedOn
        ? earliest(changes.closedOn, before.closedOn)
        : undefined,
      (changes.regionId !== undefined && changes.regionId !== before.regionId) ||
        (changes.kind !== undefined && changes.kind !== before.kind)
        ? earliest(changes.foundedOn, before.foundedOn)
        : undefined,
    );
    if (lockFrom)
      await assertNotLocked(db, {
        on: lockFrom,
        hostIds: [id],
        regionIds: [before.regionId, changes.regionId],
      });
    // Through the write model, at the version read (a concurrent save changes no row): a host closing
    // needs no organization any more, its establishment plan (组建计划) ends with it.
    const changed = await uniqueCode(changes.creditCode ?? before.creditCode, () =>
      withWriter(db, (w) =>
        w.update(
          hosts,
          { id },
          changes.closedOn === before.closedOn ? { ...changes, closedOn: undefined } : changes,
          {
            version,
          },
        ),
      ),
    );
    if (changed !== 1) throw AppError.stale();
    const after = (await db.select().from(hosts).where(eq(hosts.id, id)).limit(1))[0]!;
    await audit(cx, {
      action: "host.update",
      entity: "host",
      entityId: id,
      scopeOrgId: await nodeOfRegion(db, after.regionId),
      before,
      after,
    });
    return after;
  });
}

/** Employees, revenue and payroll (分) of a host for a year: insert or replace. */
export async function setHostYear(cx: Cx, input: HostYearInput): Promise<typeof hostYears.$inferSelect> {
  const { db } = cx;
  return writeTransaction(db, async () => {
    await requireHostEdit(cx, input.hostId);
    const before =
      (
        await db
          .select()
          .from(hostYears)
          .where(and(eq(hostYears.hostId, input.hostId), eq(hostYears.year, input.year)))
          .limit(1)
      )[0] ?? null;
    // A year's figures count at that year's end (and later ones until newer figures).
    await assertNotLocked(db, { on: `${input.year}-12-31`, hostIds: [input.hostId] });
    const values = {
      hostId: input.hostId,
      year: input.year,
      employees: input.employees,
      revenueFen: input.revenueFen ?? null,
      payrollFen: input.payrollFen === undefined ? (before?.payrollFen ?? null) : input.payrollFen,
    };
    const after = (
      await db
        .insert(hostYears)
        .values(values)
        .onConflictDoUpdate({
          target: [hostYears.hostId, hostYears.year],
          set: { employees: values.employees, revenueFen: values.revenueFen, payrollFen: values.payrollFen },
        })
        .returning()
    )[0]!;
    const regionId = (await selectOne<{ regionId: number }>(
      db,
      sql`select region_id as regionId from hosts where id = ${input.hostId}`,
    ))!.regionId;
    await audit(cx, {
      action: "host.setYear",
      entity: "hostYear",
      entityId: `${input.hostId}:${input.year}`,
      scopeOrgId: await nodeOfRegion(db, regionId),
      before,
      after,
    });
    return after;
  });
}
