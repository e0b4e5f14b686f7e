// Preloaded into a measured child process (`node --import rss-probe.mjs …`): on exit, writes the
// process's peak resident set size in KB (getrusage ru_maxrss) and its CPU time in ms (user + system) as
// JSON to the file named by BENCH_RSS_FILE.
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    const cpuMs = (u.userCPUTime + u.systemCPUTime) / 1000;
    writeFileSync(file, JSON.stringify({ maxRssKb: u.maxRSS, cpuMs }));
  });
}
