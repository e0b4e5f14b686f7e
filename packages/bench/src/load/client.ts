/**
 * One simulated user's HTTP session against the portal: a cookie jar, Auth.js credentials sign-in, page
 * views and tRPC calls (superjson envelope, as the portal's client sends them), every request timed and
 * recorded by kind and status.
 */

export type Kind = "login" | "page" | "search" | "read" | "edit";

export interface Sample {
  kind: Kind;
  /** HTTP status, or 0 when no answer came (timeout, connection error). */
  status: number;
  ms: number;
  /** The page's path (page views only). */
  path?: string;
}

export class Recorder {
  readonly samples: Sample[] = [];
  add(kind: Kind, status: number, ms: number, path?: string): void {
    this.samples.push({ kind, status, ms, ...(path !== undefined ? { path } : {}) });
  }
}

export interface Answer {
  status: number;
  body: string;
}

const REQUEST_TIMEOUT_MS = 30_000;

export class Session {
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly baseURL: string,
    private readonly recorder: Recorder,
    private readonly stopSignal: AbortSignal,
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keepCookies(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(";", 1)[0] ?? "";
      const eq = pair.indexOf("=");
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  /** One request; never throws: no answer is status 0. */
  async request(kind: Kind, pathAndQuery: string, init: RequestInit = {}): Promise<Answer> {
    const started = performance.now();
    try {
      const res = await fetch(`${this.baseURL}${pathAndQuery}`, {
        ...init,
        redirect: "manual",
        // Origin as a page of the portal sends it: the portal refuses a POST of another origin.
        headers: {
          ...(init.headers as Record<string, string> | undefined),
          cookie: this.cookieHeader(),
          origin: this.baseURL,
        },
        signal: AbortSignal.any([AbortSignal.timeout(REQUEST_TIMEOUT_MS), this.stopSignal]),
      });
      this.keepCookies(res);
      const body = await res.text();
      this.recorder.add(
        kind,
        res.status,
        performance.now() - started,
        kind === "page" ? pathAndQuery : undefined,
      );
      return { status: res.status, body };
    } catch {
      this.recorder.add(kind, 0, performance.now() - started, kind === "page" ? pathAndQuery : undefined);
      return { status: 0, body: "" };
    }
  }

  /** Sign in through Auth.js's credentials endpoint (what the login form's action does). */
  async signIn(username: string, password: string): Promise<boolean> {
    const csrf = await this.request("login", "/api/auth/csrf");
    if (csrf.status !== 200) return false;
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const res = await this.request("login", "/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        csrfToken,
        username,
        password,
        callbackUrl: `${this.baseURL}/`,
      }).toString(),
    });
    const ok = res.status === 302 && [...this.cookies.keys()].some((k) => k.includes("session-token"));
    if (!ok) this.signInFailure = `${username}: ${res.status} ${res.body.slice(0, 200)}`;
    return ok;
  }

  /** Why the last sign-in failed (status, redirect, the start of the body). */
  signInFailure = "";

  page(path: string): Promise<Answer> {
    return this.request("page", path);
  }

  query(kind: Kind, proc: string, input: unknown): Promise<Answer> {
    const q = encodeURIComponent(JSON.stringify({ json: input }));
    return this.request(kind, `/api/trpc/${proc}?input=${q}`);
  }

  mutation(kind: Kind, proc: string, input: unknown): Promise<Answer> {
    return this.request(kind, `/api/trpc/${proc}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: input }),
    });
  }
}

/** The `json` payload of a tRPC answer. */
export function trpcData<T>(answer: Answer): T {
  return (JSON.parse(answer.body) as { result: { data: { json: T } } }).result.data.json;
}
