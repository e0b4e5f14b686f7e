/** The machine a run measured: CPU, cores, memory, Node, OS, date, git commit, load. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import { ROOT } from "./util.ts";
import { clock } from "@liangxin/domain";

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  os: string;
  date: string;
  commit: string;
  loadAtStart: string;
}

function git(args: string[]): string {
  try {
    return execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

function osName(): string {
  try {
    const release = readFileSync("/etc/os-release", "utf8");
    const pretty = release.match(/^PRETTY_NAME="?([^"\n]*)"?/m)?.[1];
    if (pretty) return `${pretty} (${os.type()} ${os.release()}, ${os.arch()})`;
  } catch {
    /* not Linux */
  }
  return `${os.type()} ${os.release()} ${os.arch()}`;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  const dirty = git(["status", "--porcelain", "--untracked-files=no"]) !== "";
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism?.() ?? cpus.length,
    ramGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: osName(),
    date: clock.nowIso().replace(/\.\d+Z$/, "Z"),
    commit: `${git(["rev-parse", "--short", "HEAD"])} (${git(["rev-parse", "--abbrev-ref", "HEAD"])})${dirty ? " with uncommitted changes" : ""}`,
    loadAtStart: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(", "),
  };
}
