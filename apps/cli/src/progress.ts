import cliProgress from "cli-progress";

/** A progress bar on a terminal; plain lines every 10% elsewhere (CI logs). */
export function progressBar(label: string) {
  const tty = Boolean(process.stderr.isTTY);
  const bar = tty
    ? new cliProgress.SingleBar(
        { format: `${label} [{bar}] {percentage}% | {value}/{total} | {stage}`, stream: process.stderr },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let started = false;
  let lastTenth = -1;
  return {
    update(done: number, total: number, stage: string) {
      if (bar) {
        if (!started) {
          bar.start(total, done, { stage });
          started = true;
        } else {
          bar.setTotal(total);
          bar.update(done, { stage });
        }
        return;
      }
      const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        process.stderr.write(`${label} ${tenth * 10}% ${stage}\n`);
      }
    },
    stop() {
      bar?.stop();
    },
  };
}
