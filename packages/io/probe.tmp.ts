import { openDb, openTestDb, loadScope, migrateDb, loadSnapshot, loadPolicyVersions } from "@liangxin/db";
import { computeReport, policyAsOf, MANAGEMENT_CATEGORIES } from "@liangxin/domain";
import { exportImportWorkbook, readImportWorkbook, planImport, applyImport } from "./src/index.ts";
const TODAY = "2026-12-03";
const db = openDb("/tmp/wt15b/demo.db");
const uid = db.$client.prepare("select id from users where username='county'").pluck().get() as number;
const scope = loadScope(db, uid)!;
const file = "/tmp/wt15b/county.xlsx";
console.log(await exportImportWorkbook(db, scope, file, { today: TODAY }));
const target = openTestDb();
const plan = planImport(target, await readImportWorkbook(file), { today: TODAY });
console.log("errors", plan.errors.length);
const bySheet = new Map<string, number>();
for (const e of plan.errors) { const k = `${e.sheet}|${e.column}|${e.reason.slice(0, 40)}`; bySheet.set(k, (bySheet.get(k) ?? 0) + 1); }
console.log(bySheet);
