import { closeDatabase } from "@liangxin/db/driver";
import { openMigrated } from "../open.ts";
import { seedScale } from "@liangxin/seed/scale";
import { cliMessages as m } from "../messages.ts";
import { progressBar } from "../progress.ts";

/** `seed --scale city [--hosts N]`: a large city for benchmarks, into an empty database. */
export async function seedScaleCommand(scale: string, hosts: string | undefined): Promise<number> {
  if (scale !== "city") {
    console.error(m.scaleOnlyCity);
    return 2;
  }
  const { db } = await openMigrated();
  const bar = progressBar("载入城市规模数据");
  try {
    const r = await seedScale(db, {
      ...(hosts ? { hosts: Number(hosts) } : {}),
      onProgress: (done, total, stage) => bar.update(done, total, stage),
    });
    bar.stop();
    console.log(m.scaleSeeded(r.counts.hosts ?? 0, r.townships, r.elapsedMs));
    console.table(r.counts);
    return 0;
  } finally {
    bar.stop();
    await closeDatabase(db);
  }
}
