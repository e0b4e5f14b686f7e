// A PostgreSQL 15 server of its own for a test or a benchmark: Debian's binaries, a cluster in a fresh
// temporary directory, listening on 127.0.0.1 on a port the system gave, stopped and removed by `stop()`.
// initdb refuses to run as root: as root the cluster belongs to the `postgres` user (runuser).
import { execFileSync } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const BIN = "/usr/lib/postgresql/15/bin";

/** A TCP port nobody listens on now (the system's choice). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function asOwner(args, opts = {}) {
  const root = process.getuid?.() === 0;
  const [cmd, ...rest] = root ? ["runuser", "-u", "postgres", "--", ...args] : args;
  return execFileSync(cmd, rest, { stdio: "pipe", encoding: "utf8", ...opts });
}

/**
 * Start a server with one database `liangxin` owned by the superuser `liangxin` (trust authentication on
 * 127.0.0.1 only). Returns its URL and `stop()`.
 */
export async function startPgServer({ log = () => {} } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "liangxin-pg-"));
  if (process.getuid?.() === 0) {
    const { uid, gid } = userIds("postgres");
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  const started = performance.now();
  asOwner([`${BIN}/initdb`, "-D", data, "-A", "trust", "-U", "liangxin", "-E", "UTF8", "--locale=C.UTF-8"]);
  const port = await freePort();
  asOwner([
    `${BIN}/pg_ctl`,
    "-D",
    data,
    "-w",
    "-l",
    path.join(dir, "server.log"),
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100 -c fsync=off`,
    "start",
  ]);
  const base = `postgres://liangxin@127.0.0.1:${port}`;
  execFileSync(`${BIN}/createdb`, ["-h", "127.0.0.1", "-p", String(port), "-U", "liangxin", "liangxin"], {
    stdio: "pipe",
  });
  log(`PostgreSQL 15 started on 127.0.0.1:${port} in ${Math.round(performance.now() - started)} ms (${dir})`);
  let stopped = false;
  return {
    url: `${base}/liangxin`,
    port,
    dir,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        asOwner([`${BIN}/pg_ctl`, "-D", data, "-m", "fast", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function userIds(name) {
  const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8" }).trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error(`no user ${name}`);
  return { uid, gid };
}
