/** What DATABASE_URL chooses, and where job files live. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseTarget, repoRoot, resolveDatabasePath, storageDir } from "../src/paths.ts";

describe("DATABASE_URL", () => {
  it("is an SQLite file for a path, file: or :memory:, and the default file when unset", () => {
    const root = repoRoot();
    expect(databaseTarget({})).toEqual({ engine: "sqlite", file: path.join(root, "data/liangxin.db") });
    expect(databaseTarget({ DATABASE_URL: "file:./x/y.db" })).toEqual({
      engine: "sqlite",
      file: path.join(root, "x/y.db"),
    });
    expect(databaseTarget({ DATABASE_URL: "/srv/a.db" })).toEqual({ engine: "sqlite", file: "/srv/a.db" });
    expect(databaseTarget({ DATABASE_URL: ":memory:" })).toEqual({ engine: "sqlite", file: ":memory:" });
  });

  it("is a PostgreSQL server for postgres:// and postgresql://", () => {
    const url = "postgresql://u:secret@db.example:5433/liangxin";
    expect(databaseTarget({ DATABASE_URL: url })).toEqual({ engine: "postgres", url });
  });

  it("refuses any other URL in Chinese without its password, and is never taken for a file name", () => {
    expect(() => databaseTarget({ DATABASE_URL: "mysql://u:secret@db/x" })).toThrow(
      /DATABASE_URL“mysql:\/\/u:\*\*\*@db\/x”无效/,
    );
    expect(() => databaseTarget({ DATABASE_URL: "mysql://u:secret@db/x" })).not.toThrow(/secret/);
    expect(() => databaseTarget({ DATABASE_URL: "postgres:///x" })).toThrow(/缺少 PostgreSQL 服务器的主机名/);
    expect(() => resolveDatabasePath({ DATABASE_URL: "postgres://u:secret@db/x" })).toThrow(
      /此处需要 SQLite 数据库文件/,
    );
  });
});

describe("the storage directory of job files", () => {
  it("is LIANGXIN_STORAGE_DIR when set (relative to the repository root), else beside the database file", () => {
    expect(storageDir("/srv/liangxin/city.db", { LIANGXIN_STORAGE_DIR: "/mnt/shared/liangxin" })).toBe(
      "/mnt/shared/liangxin",
    );
    expect(storageDir("/srv/liangxin/city.db", { LIANGXIN_STORAGE_DIR: "files" })).toBe(
      path.join(repoRoot(), "files"),
    );
    expect(storageDir("/srv/liangxin/city.db", {})).toBe("/srv/liangxin");
    expect(storageDir(":memory:", {})).toBe(path.join(repoRoot(), "data"));
  });
});
