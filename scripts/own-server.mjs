/**
 * Servers started by the tests and the bench: a port the system says is free (never a fixed one), a
 * per-run token passed in `LIANGXIN_INSTANCE`, and a wait that accepts only a server echoing that token on
 * /api/health/live — so that another program listening on the port is never mistaken for ours.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, mkdirSync, openSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export const HOST = "127.0.0.1";

/** A TCP port on 127.0.0.1 that nothing listens on right now (the system picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, HOST, () => {
      const { port } = /** @type {net.AddressInfo} */ (s.address());
      s.close(() => resolve(port));
    });
  });
}

/** The same, synchronously (for configuration files evaluated synchronously). */
export function freePortSync() {
  const script = `const s=require("net").createServer();s.listen(0,${JSON.stringify(HOST)},()=>{process.stdout.write(String(s.address().port));s.close()})`;
  return Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
}

/** A fresh token for one server. */
export function newInstanceToken() {
  return randomBytes(12).toString("hex");
}

/** The URL that answers 200 only from the server started with `token`. */
export function ownHealthURL(baseURL, token) {
  return `${baseURL}/api/health/live?instance=${encodeURIComponent(token)}`;
}

/**
 * Wait until the server at `baseURL` answers as the one started with `token`. Throws when another program
 * answers instead, when `exited()` says ours has stopped, or after `timeoutMs`.
 */
export async function waitForOwnServer(baseURL, token, { timeoutMs = 120_000, exited = () => false } = {}) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const gone = exited();
    if (gone)
      throw new Error(
        `the server for ${baseURL} stopped before answering (${gone === true ? "exited" : gone})`,
      );
    const res = await fetch(`${baseURL}/api/health/live`, { redirect: "manual" }).then(
      async (r) => (await r.arrayBuffer(), r),
      () => null, // not listening yet
    );
    if (res) {
      const echoed = res.headers.get("x-liangxin-instance");
      if (res.status === 200 && echoed === token) return;
      if (echoed !== token && res.status !== 503)
        throw new Error(
          `another program answers on ${baseURL} (status ${res.status}, instance ${echoed ?? "none"}): not our server`,
        );
    }
    if (performance.now() > deadline)
      throw new Error(`the server did not answer on ${baseURL} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The list of every server log file a test run wrote, one path a line, beside the logs. */
export const SERVER_LOG_INDEX = "servers.txt";

/**
 * Open the log file of a server a test is about to start (in `dir`, named `name`.log) and note it in the
 * run's index, so that a later test can check every server's log. Returns the file and a descriptor to hand
 * to the child as its standard output and error: the child writes there itself, so a log survives the
 * death of the test runner or a SIGKILL of the server.
 */
export function openServerLog(dir, name) {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.log`);
  const fd = openSync(file, "a");
  appendFileSync(path.join(dir, SERVER_LOG_INDEX), `${file}\n`);
  return { file, fd };
}
