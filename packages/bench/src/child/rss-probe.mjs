// Preloaded into a measured child process (`node --import rss-probe.mjs …`): on exit, writes the
// process's peak resident set size in KB (getrusage ru_maxrss) to the file named by BENCH_RSS_FILE.
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
