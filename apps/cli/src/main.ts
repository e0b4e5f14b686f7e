import { parseArgs } from "node:util";
import { passwordProblem, clock } from "@liangxin/domain";
import { cityIsEmpty } from "@liangxin/seed/scale";
import { createUser } from "@liangxin/db/auth";
import { listDemoAccounts } from "@liangxin/seed/accounts";
import { closeDatabase, openPgDb, writeTransaction, type Db } from "@liangxin/db/driver";
import { closeStalePlans } from "@liangxin/core/work";
import { refreshBasicsFacts } from "@liangxin/core/basics";
import { databaseTarget, shownDatabaseUrl } from "@liangxin/db/paths";
import { migratePg } from "@liangxin/db/pg";
import { keptFactYears, refreshReportFacts, reportFactsStats } from "@liangxin/db/report-facts";
import { seedDemo } from "@liangxin/seed/demo";
import { backupCommand, restoreCommand } from "./commands/backup.ts";
import { copyCommand } from "./commands/copy.ts";
import { seedScaleCommand } from "./commands/seed-scale.ts";
import { cliMessages as m } from "./messages.ts";
import { openMigrated } from "./open.ts";
import { progressBar } from "./progress.ts";
import { reportCommand } from "./commands/report.ts";
import { exportCommand, exportJobCommand } from "./commands/export.ts";
import { importCommand, importJobCommand } from "./commands/import.ts";
import {
  CLI_VARIABLES,
  cliEnv,
  ConfigError,
  describeEnv,
  PORTAL_VARIABLES,
  tracingSettings,
} from "@liangxin/runtime";

type Command = (args: string[]) => Promise<number> | number;

async function printDemoAccounts(db: Db): Promise<void> {
  const accounts = await listDemoAccounts(db);
  if (accounts.length === 0) return;
  console.log(m.demoAccountsTitle);
  console.table(
    accounts.map((a) => ({
      用户名: a.username,
      密码: a.password,
      角色: a.roleLabel,
      范围: a.scopeName,
    })),
  );
}

const commands: Record<string, Command> = {
  backup: backupCommand,
  restore: restoreCommand,
  copy: copyCommand,
  async migrate() {
    const target = databaseTarget();
    let db: Db;
    if (target.engine === "postgres") {
      const applied = await migratePg(target.url);
      console.log(m.migratedPg(shownDatabaseUrl(target.url), applied));
      db = openPgDb(target.url);
    } else {
      const opened = await openMigrated();
      db = opened.db;
      console.log(m.migrated(opened.file));
    }
    // Plans left open by versions that closed them only when listed (and by imports): closed once, audited.
    // The year-end report's kept figures (report-facts.ts), counted for a database that has none yet: at
    // the commit of any write transaction, or below.
    const counted = reportFactsStats.yearsCounted;
    const closed = await writeTransaction(db, (tx) => closeStalePlans(tx, clock.today()));
    if (closed.length > 0) console.log(m.plansClosed(closed.length));
    await writeTransaction(db, async (tx) => {
      await refreshReportFacts(tx, { materialize: true });
      await refreshBasicsFacts(tx, { materialize: true });
    });
    if (reportFactsStats.yearsCounted > counted) console.log(m.factsCounted(keptFactYears(clock.today())));
    await closeDatabase(db);
    return 0;
  },

  async seed(args) {
    const { values } = parseArgs({
      args,
      options: {
        demo: { type: "boolean" },
        scale: { type: "string" },
        hosts: { type: "string" },
        "if-empty": { type: "boolean" },
        seed: { type: "string" },
        today: { type: "string" },
      },
    });
    if (values.scale !== undefined) return seedScaleCommand(values.scale, values.hosts);
    if (!values.demo) {
      console.error(m.seedNeedsDemo);
      return 2;
    }
    const { db } = await openMigrated();
    if (values["if-empty"] && !(await cityIsEmpty(db))) {
      console.log(m.seedSkipped);
      return 0;
    }
    const bar = progressBar("载入演示城市");
    const started = performance.now();
    try {
      await seedDemo(db, {
        ...(values.seed ? { seed: Number(values.seed) } : {}),
        // The demo's years and dates are counted back from this day (the one clock's today by default).
        today: values.today ?? clock.today(),
        onProgress: (done, total, label) => bar.update(done, total, label),
      });
    } finally {
      bar.stop();
    }
    console.log(m.seeded(performance.now() - started));
    await printDemoAccounts(db);
    return 0;
  },

  /** Validate the configuration (the portal's with --portal: `npm start` runs this first) and list it. */
  config(args) {
    const { values } = parseArgs({ args, options: { portal: { type: "boolean" } } });
    const names = values.portal ? PORTAL_VARIABLES : CLI_VARIABLES;
    const rows = describeEnv(names);
    console.log(m.configValid(values.portal ? m.configPortal : m.configCli));
    console.table(
      rows.map((r) => ({ 变量: r.name, 值: r.value || m.configUnset, 来源: m.configFrom[r.from] })),
    );
    return 0;
  },

  async "demo-accounts"() {
    await printDemoAccounts((await openMigrated()).db);
    return 0;
  },

  async "create-user"(args) {
    const { values } = parseArgs({
      args,
      options: {
        username: { type: "string" },
        password: { type: "string" },
        name: { type: "string" },
        role: { type: "string" },
        org: { type: "string" },
        host: { type: "string" },
      },
    });
    for (const key of ["username", "password", "role"] as const) {
      if (!values[key]) {
        console.error(m.missingOption(key));
        return 2;
      }
    }
    const role = values.role;
    if (role !== "admin" && role !== "secretary" && role !== "owner") {
      console.error(m.badRole);
      return 2;
    }
    // A password being set follows the rule (10+ characters, letters and digits), here as in the portal.
    const weak = passwordProblem(values.password!);
    if (weak) {
      console.error(weak);
      return 2;
    }
    const { db } = await openMigrated();
    const id = await createUser(db, {
      username: values.username!,
      password: values.password!,
      displayName: values.name ?? values.username!,
      role,
      ...(values.org ? { orgCode: values.org } : {}),
      ...(values.host ? { hostCreditCode: values.host } : {}),
    });
    console.log(m.userCreated(values.username!, id));
    return 0;
  },

  report: reportCommand,
  import: importCommand,
  "import-job": importJobCommand,
  export: exportCommand,
  "export-job": exportJobCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(m.help);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(m.unknownCommand(name));
    return 2;
  }
  // Traces only when the standard OTEL_* variables ask for them (the SDK is not even loaded otherwise).
  const tracing = tracingSettings().exporters.length > 0 ? await import("@liangxin/runtime/tracing") : null;
  const traces = tracing?.startTracing("liangxin-cli");
  try {
    // A bad environment variable stops every command before it touches anything.
    cliEnv();
    return await (tracing ? tracing.withParentFromEnv(() => command(rest)) : command(rest));
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    console.error(m.failed(error instanceof Error ? error.message : String(error)));
    return 1;
  } finally {
    await traces?.shutdown();
  }
}
