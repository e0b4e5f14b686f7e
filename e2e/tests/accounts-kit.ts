/**
 * Helpers of the account specs (issue 16): accounts of their own for a spec (created with the command
 * line on the e2e server's database, as an operator would, so no demo account is throttled or changed),
 * and an HTTP client that connects from a loopback address of its choice (127.0.0.x). The portal counts
 * sign-in failures by the client address, which is the TCP peer's address (README: client address): a
 * client cannot pick it by a header, but a test can open its socket from another loopback address.
 */
import { spawnSync } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { E2E_NOW, unique } from "./clock.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
export const dbFile = path.join(here, "..", ".tmp", "e2e.db");

export function readDb<T>(fn: (db: Database.Database) => T, file = dbFile): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** A host of the `township` account's territory (its first), as the database `file` holds it now. */
export function townshipHost(file = dbFile): { id: number; version: number } {
  return readDb(
    (db) =>
      db
        .prepare(
          `select h.id, h.version from hosts h join orgs o on o.region_id = h.region_id
           join users u on u.org_id = o.id and u.username = 'township' order by h.id limit 1`,
        )
        .get() as { id: number; version: number },
    file,
  );
}

export interface Account {
  username: string;
  password: string;
}

let serial = 0;

/**
 * A branch secretary of the `branch` demo account's organization (so the `township` administrator
 * manages it), created by `liangxin create-user`. Fits the password rule (10+ characters, letters and digits).
 */
export function createAccount(prefix: string): Account {
  const username = `${prefix}-${unique()}${serial++}`;
  const password = `Start${unique()}abc`;
  const orgCode = readDb(
    (db) =>
      db
        .prepare("select o.code from users u join orgs o on o.id = u.org_id where u.username = 'branch'")
        .pluck()
        .get() as string,
  );
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, "apps", "cli", "bin", "liangxin.mjs"),
      "create-user",
      "--username",
      username,
      "--password",
      password,
      "--name",
      "测试书记",
      "--role",
      "secretary",
      "--org",
      orgCode,
    ],
    // The portal's pinned clock, so that the account's stamps are of the suite's day.
    { env: { ...process.env, DATABASE_URL: dbFile, LIANGXIN_NOW: E2E_NOW }, encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`create-user ${username} failed: ${r.stderr}${r.stdout}`);
  return { username, password };
}

export interface Answer {
  status: number;
  location: string;
  body: string;
}

/** An HTTP client with its own cookies, whose connections leave from `localAddress` (127.0.0.x). */
export class LoopbackClient {
  private readonly cookies = new Map<string, string>();
  private readonly origin: string;

  constructor(
    readonly baseURL: string,
    readonly localAddress: string,
  ) {
    this.origin = new URL(baseURL).origin;
  }

  request(
    method: "GET" | "POST",
    pathAndQuery: string,
    opts: { headers?: Record<string, string>; body?: string } = {},
  ): Promise<Answer> {
    const url = new URL(pathAndQuery, this.baseURL);
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method,
          localAddress: this.localAddress,
          headers: {
            ...(cookie ? { cookie } : {}),
            ...(method === "POST" ? { origin: this.origin } : {}),
            ...opts.headers,
          },
        },
        (res) => {
          for (const line of res.headers["set-cookie"] ?? []) {
            const pair = line.split(";", 1)[0] ?? "";
            const eq = pair.indexOf("=");
            if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
          }
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (d: string) => (body += d));
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, location: String(res.headers.location ?? ""), body }),
          );
        },
      );
      req.on("error", reject);
      if (opts.body !== undefined) req.write(opts.body);
      req.end();
    });
  }

  /** The session cookie, if signed in. */
  get sessionCookie(): string | undefined {
    return [...this.cookies].find(([k]) => k.includes("session-token"))?.[1];
  }

  /** Sign in through Auth.js's credentials endpoint; the answer (a redirect) as a client sees it. */
  async signIn(username: string, password: string, headers: Record<string, string> = {}): Promise<Answer> {
    const csrf = await this.request("GET", "/api/auth/csrf");
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    return this.request("POST", "/api/auth/callback/credentials", {
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${this.origin}/` }).toString(),
    });
  }
}
