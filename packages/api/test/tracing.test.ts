/**
 * Traces (issue 26), the acceptance: with `OTEL_TRACES_EXPORTER=console`, one tRPC request answered as the
 * portal's route handler answers it prints the request's span and the database's statement spans as its
 * children — in a process of its own (fixtures/traced-call.mjs), with the real driver on an SQLite file.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withCitizenIdCheckChar } from "@liangxin/domain";

interface SpanLine {
  otel: string;
  service: string;
  traceId: string;
  parentId?: string;
  id: string;
  name: string;
  scope: string;
  attributes: Record<string, unknown>;
}

const dir = mkdtempSync(path.join(tmpdir(), "lx-trace-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run the fixture with `env`; its standard output's span lines and its final status line. */
function tracedCall(call: string, env: Record<string, string>): { spans: SpanLine[]; status: number } {
  const fixture = path.join(import.meta.dirname, "fixtures", "traced-call.mjs");
  const { OTEL_TRACES_EXPORTER: _drop, ...base } = process.env;
  const r = spawnSync(process.execPath, [fixture, mkdtempSync(path.join(dir, "run-")), call], {
    env: { ...base, ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`traced-call failed (${r.status}): ${r.stderr}`);
  const lines = r.stdout
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as SpanLine & { status?: number });
  const last = lines[lines.length - 1];
  return { spans: lines.filter((l) => l.otel === "span"), status: Number(last?.status) };
}

describe("traces on the console exporter", () => {
  // A citizen ID searched for: a parameter's value, which no span may carry.
  const citizenId = withCitizenIdCheckChar("11010119900307123");
  const input = encodeURIComponent(JSON.stringify({ 0: { json: null }, 1: { json: { q: citizenId } } }));
  const call = `home.overview,members.list?batch=1&input=${input}`;

  it("one tRPC request prints its span with the database's statement spans as children", () => {
    const { spans, status } = tracedCall(call, {
      OTEL_TRACES_EXPORTER: "console",
      OTEL_SERVICE_NAME: "liangxin-trace-test",
    });
    expect(status).toBe(200);
    const request = spans.find((s) => s.name === "trpc home.overview,members.list");
    expect(request).toBeDefined();
    expect(request!.parentId).toBeUndefined();
    expect(request!.service).toBe("liangxin-trace-test");
    expect(request!.attributes["rpc.method"]).toBe("home.overview,members.list");
    expect(request!.attributes["http.response.status_code"]).toBe(200);

    const statements = spans.filter((s) => s.scope === "liangxin-db");
    const children = statements.filter((s) => s.parentId === request!.id && s.traceId === request!.traceId);
    // The session's user and scope, the overview's tree and count, the member list's page and count …
    expect(children.length).toBeGreaterThanOrEqual(5);
    expect(children.length).toBe(statements.length);
    for (const s of children) {
      expect(s.name).toMatch(/^db [a-z]+$/);
      expect(s.attributes["db.system.name"]).toBe("sqlite");
      expect(typeof s.attributes["db.query.text"]).toBe("string");
      expect(typeof s.attributes["db.response.returned_rows"]).toBe("number");
    }
    expect(children.some((s) => String(s.attributes["db.query.text"]).includes("from orgs o"))).toBe(true);
    // The searched citizen ID was bound as a parameter: in no span, anywhere.
    expect(JSON.stringify(spans)).not.toContain(citizenId);
    expect(JSON.stringify(spans)).not.toContain(citizenId.slice(0, 12));
  }, 150_000);

  it("prints no span when the exporter is none", () => {
    const { spans, status } = tracedCall("home.overview", { OTEL_TRACES_EXPORTER: "none" });
    expect(status).toBe(200);
    expect(spans).toEqual([]);
  }, 150_000);
});
