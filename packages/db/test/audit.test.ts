import { describe, expect, it } from "vitest";
import { auditWriter, writeAudit, type AuditEntry } from "../src/audit.ts";
import { openTestDb } from "../src/driver/client.ts";

describe("audit rows of a bulk import", () => {
  it("auditWriter writes the same row as writeAudit", async () => {
    const db = openTestDb();
    const entry: AuditEntry = {
      userId: null,
      username: "cli",
      action: "import.create",
      entity: "hosts",
      entityId: 42,
      scopeOrgId: null,
      before: null,
      after: { name: "清源市某某科技有限公司", employees: 120, ownerIsMember: true },
    };
    const a = await writeAudit(db, entry);
    const b = await auditWriter(db)(entry);
    expect(b).toBe(a + 1);
    const rows = db.$client
      .prepare(
        "select user_id, username, action, entity, entity_id, scope_org_id, before, after, at is not null as hasAt from audit_log order by id",
      )
      .all();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(rows[0]);
    expect(JSON.parse((rows[1] as { after: string }).after)).toEqual(entry.after);
  });
});
