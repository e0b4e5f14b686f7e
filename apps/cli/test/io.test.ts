import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const bin = path.resolve(import.meta.dirname, "..", "bin", "liangxin.mjs");
const dir = mkdtempSync(path.join(tmpdir(), "liangxin-cli-io-"));
const dbFile = path.join(dir, "io.db");

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, DATABASE_URL: dbFile },
    encoding: "utf8",
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function folder(name: string, files: Record<string, string>): string {
  const d = path.join(dir, name);
  mkdirSync(d);
  for (const [f, text] of Object.entries(files)) writeFileSync(path.join(d, f), `\uFEFF${text}`);
  return d;
}

const REGIONS = "区划代码,名称,层级\r\n369900,清源市,市\r\n369902,澄江区,县\r\n369902001,城关街道,乡镇\r\n";
const ORGS =
  "组织代码,名称,组织类别,上级组织代码,区划代码,成立日期\r\n" +
  "G1,市委两新工委,市级工委,,369900,2010-01-01\r\nG2,区两新工委,县级工委,G1,369902,2010-01-01\r\n";

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("import and export on the command line", () => {
  it("imports a CSV folder, reports zero changes the second time, and exports it again", () => {
    const ok = folder("ok", { "regions.csv": REGIONS, "orgs.csv": ORGS });
    const first = cli("import", ok);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain("导入完成");
    const second = cli("import", ok);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/'orgs'\s*│\s*0\s*│\s*0\s*│\s*2/);
    const out = path.join(dir, "export.xlsx");
    const exp = cli("export", "--format", "import", "--out", out);
    expect(exp.code, exp.err).toBe(0);
    expect(existsSync(out)).toBe(true);
    const ledger = cli("export", "--format", "ledger", "--out", path.join(dir, "台账.xlsx"), "--unit", "G2");
    expect(ledger.code, ledger.err).toBe(0);
  });

  it("prints the errors, writes the report next to the input and exits with 1", () => {
    const bad = folder("bad", { "orgs.csv": `${ORGS}G3,某支部,党支部,G9,,2010-01-01\r\n` });
    const r = cli("import", bad, "--dry-run");
    expect(r.code).toBe(1);
    expect(r.err).toContain("orgs.csv 第4行 上级组织代码「G9」");
    expect(existsSync(`${bad}.errors.xlsx`)).toBe(true);
  });
});
