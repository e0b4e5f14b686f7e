/**
 * 联建共建 pacts: parties are organizations of the tree, host units, or named outside parties; a pact is
 * visible to a caller when one of its parties is in their scope (an organization of the subtree or a
 * host of the territory).
 */
import { assertInterval, WORK_MESSAGES, AppError, type PactKind } from "@liangxin/domain";
import { sql, type SQL } from "drizzle-orm";
import type { Cx } from "@liangxin/db/cx";
import { scopeSql, hostAccess, orgAccess, type ScopeSql } from "@liangxin/db/scope";
import { selectAll, writeTransaction } from "@liangxin/db/driver";
import { pactParties, pacts } from "@liangxin/db/schema";
import { auditWork } from "./common.ts";

export interface PactPartyInput {
  orgId?: number | undefined;
  hostId?: number | undefined;
  name?: string | undefined;
}

export interface PactRow {
  id: number;
  kind: PactKind;
  name: string;
  startOn: string;
  endOn: string | null;
  outcome: string | null;
  /** 投入资金 in 分 (shown in 万元). */
  fundsFen: number | null;
  parties: { name: string; type: "org" | "host" | "outside" }[];
}

/** SQL: a party of the pact (alias `p`) is in the caller's scope. */
const partyInScope = ({ within }: ScopeSql): SQL =>
  sql`(exists(select 1 from pact_parties pp join orgs o on o.id = pp.org_id
      where pp.pact_id = p.id and ${within.subtree("o")})
    or exists(select 1 from pact_parties pp join hosts h on h.id = pp.host_id join regions r on r.id = h.region_id
      where pp.pact_id = p.id and ${within.territory("r")}))`;

/** The pacts with a party in the caller's scope, newest first, with their parties. */
export async function listPacts(cx: Cx): Promise<PactRow[]> {
  const { db, scope, today } = cx;
  if (!scope.org) return [];
  const s = scopeSql(scope, today);
  const rows = await selectAll<Omit<PactRow, "parties">>(
    db,
    sql`select p.id, p.kind, p.name, p.start_on as startOn, p.end_on as endOn, p.outcome, p.funds_fen as fundsFen from pacts p
        where ${partyInScope(s)} order by p.start_on desc, p.id desc`,
  );
  const parties = await selectAll<{ pactId: number; name: string; type: "org" | "host" | "outside" }>(
    db,
    sql`select pp.pact_id as pactId, coalesce(o.name, h.name, pp.name) as name,
          case when pp.org_id is not null then 'org' when pp.host_id is not null then 'host' else 'outside' end as type
        from pact_parties pp join pacts p on p.id = pp.pact_id left join orgs o on o.id = pp.org_id
        left join hosts h on h.id = pp.host_id where ${partyInScope(s)} order by pp.id`,
  );
  return rows.map((r) => ({
    ...r,
    parties: parties.filter((x) => x.pactId === r.id).map(({ name, type }) => ({ name, type })),
  }));
}

/**
 * A new pact: at least two parties, one of them the caller's own (an organization or host it may edit),
 * none twice. Audited (`pact.create`).
 */
export async function createPact(
  cx: Cx,
  input: {
    kind: PactKind;
    name: string;
    startOn: string;
    endOn?: string | undefined;
    outcome?: string | undefined;
    /** In whole 分. */
    fundsFen?: number | undefined;
    parties: PactPartyInput[];
  },
): Promise<{ id: number }> {
  const { db, scope, today } = cx;
  if (!scope.org) throw AppError.notFound("org");
  assertInterval(input.startOn, input.endOn ?? null);
  let own = 0;
  for (const party of input.parties) {
    if (party.orgId !== undefined) {
      const access = await orgAccess(db, scope, party.orgId, today);
      if (!access) throw AppError.notFound("org");
      if (access === "edit") own++;
    } else if (party.hostId !== undefined) {
      const access = await hostAccess(db, scope, party.hostId, today);
      if (!access) throw AppError.notFound("host");
      if (access === "edit") own++;
    }
  }
  if (input.parties.length < 2 || own === 0)
    throw AppError.rule("PACT_NEEDS_PARTIES", WORK_MESSAGES.pactNeedsParties());
  const keys = input.parties.flatMap((p) =>
    p.orgId !== undefined ? [`o${p.orgId}`] : p.hostId !== undefined ? [`h${p.hostId}`] : [],
  );
  if (new Set(keys).size !== keys.length)
    throw AppError.rule("PACT_SAME_PARTY", WORK_MESSAGES.pactSameParty());
  return writeTransaction(db, async (tx) => {
    const row = (
      await tx
        .insert(pacts)
        .values({
          kind: input.kind,
          name: input.name,
          startOn: input.startOn,
          endOn: input.endOn ?? null,
          outcome: input.outcome ?? null,
          fundsFen: input.fundsFen ?? null,
          createdBy: scope.userId,
        })
        .returning()
    )[0]!;
    for (const party of input.parties) {
      await tx.insert(pactParties).values({
        pactId: row.id,
        orgId: party.orgId ?? null,
        hostId: party.orgId === undefined ? (party.hostId ?? null) : null,
        name: party.orgId === undefined && party.hostId === undefined ? (party.name ?? null) : null,
      });
    }
    await auditWork(tx, scope, "pact.create", "pact", row.id, null, { ...row, parties: input.parties });
    return { id: row.id };
  });
}
