#!/usr/bin/env node
/**
 * The built portal served by one process per core. `next start` is one Node.js process, so one core,
 * and has no cluster mode: this script is a small `node:cluster` primary that forks
 * LIANGXIN_PORTAL_PROCESSES workers (default: the cores Node.js may use), each running Next.js's own
 * production server (`startServer` of next/dist/server/lib/start-server — exactly what `next start` runs)
 * on the same address. The workers share the listening socket through the primary, which hands each new
 * connection to the next worker in turn (Node.js's round-robin scheduling).
 *
 * Nothing a request needs lives in one worker's memory: a session is a signed token (the secret comes from
 * AUTH_SECRET, the same in every worker) checked against the sessions table, the sign-in throttle is in the
 * database, and SQLite's own locking orders the workers' writes as it does the import worker's.
 *
 *   node server.mjs [-H 127.0.0.1] [-p 3000]      (the flags of `next start`)
 *
 * SIGTERM or SIGINT stops gracefully: each worker stops accepting, finishes what it serves and exits
 * (Next.js's own handling), then the primary exits. A worker that dies while serving is replaced; one that
 * dies before it ever listened (a bad configuration, a port in use) stops the whole server with its code.
 */
import cluster from "node:cluster";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const dir = path.dirname(fileURLToPath(import.meta.url));
/** How long the primary waits for the workers to finish what they serve before it kills them. */
const STOP_GRACE_MS = 30_000;

function processCount() {
  const raw = process.env.LIANGXIN_PORTAL_PROCESSES;
  if (raw === undefined || raw.trim() === "") return availableParallelism();
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    process.stderr.write(`LIANGXIN_PORTAL_PROCESSES 应为 1 到 64 之间的整数,而不是“${raw}”\n`);
    process.exit(1);
  }
  return n;
}

if (cluster.isPrimary) {
  const { values } = parseArgs({
    options: {
      hostname: { type: "string", short: "H", default: "127.0.0.1" },
      port: { type: "string", short: "p", default: process.env.PORT ?? "3000" },
    },
  });
  const count = processCount();
  let stopping = false;
  /** Workers that have listened at least once: a later death is a crash to recover from. */
  const listened = new Set();

  const fork = () => {
    const worker = cluster.fork({
      LIANGXIN_PORTAL_HOSTNAME: values.hostname,
      LIANGXIN_PORTAL_PORT: values.port,
    });
    worker.on("listening", () => listened.add(worker.id));
    return worker;
  };

  process.stdout.write(
    `${JSON.stringify({ level: 30, pid: process.pid, processes: count, msg: `门户以 ${count} 个进程服务 http://${values.hostname}:${values.port}` })}\n`,
  );
  for (let i = 0; i < count; i++) fork();

  cluster.on("exit", (worker, code, signal) => {
    const crashed = !stopping;
    const wasServing = listened.delete(worker.id);
    if (crashed && wasServing) {
      process.stderr.write(`门户进程 ${worker.process.pid} 意外退出(${signal ?? code}),已另起一个\n`);
      fork();
      return;
    }
    if (crashed) {
      // It never listened: every worker would fail the same way. Stop the others and exit with its code.
      stop("SIGTERM", typeof code === "number" && code !== 0 ? code : 1);
      return;
    }
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
  });

  let exitCode = 0;
  function stop(signal, code = 0) {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    const workers = Object.values(cluster.workers ?? {}).filter(Boolean);
    if (workers.length === 0) process.exit(exitCode);
    for (const w of workers) w.process.kill(signal);
    setTimeout(() => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGKILL");
      process.exit(exitCode || 1);
    }, STOP_GRACE_MS).unref();
  }
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
} else {
  // What `next start` sets before it starts the server.
  process.env.NODE_ENV ||= "production";
  process.env.NEXT_RUNTIME = "nodejs";
  const require = createRequire(import.meta.url);
  require("next/dist/server/require-hook");
  const { startServer } = require("next/dist/server/lib/start-server");
  await startServer({
    dir,
    isDev: false,
    hostname: process.env.LIANGXIN_PORTAL_HOSTNAME,
    port: Number(process.env.LIANGXIN_PORTAL_PORT),
    allowRetry: false,
  });
}
