#!/usr/bin/env node
// The operator's command line. Runs its build (apps/cli/dist/liangxin.mjs, `npm run build`) when that is up
// to date with the sources, else the TypeScript sources through tsx (development). LIANGXIN_CLI chooses:
// `build` (always the build: production, `npm start`), `source` (always tsx), unset or `auto` (the build if
// up to date).
import { pathToFileURL } from "node:url";
import { buildState } from "./build-state.mjs";

const mode = process.env.LIANGXIN_CLI || "auto";
if (!["auto", "build", "source"].includes(mode)) {
  // As the command line's configuration check words it (packages/runtime/src/env.ts).
  console.error(
    [
      "配置有误,程序未启动:",
      `  - 环境变量 LIANGXIN_CLI 的值“${mode.slice(0, 80)}”无效:须为 build(运行命令行的构建)、source(经 tsx 运行源码)或 auto(构建为最新时用构建,否则用源码)`,
      "各环境变量的含义和取值见 docs/configuration.md。",
    ].join("\n"),
  );
  process.exit(2);
}

/** Whether tsx can be loaded (a production installation may lack it). */
function hasTsx() {
  try {
    import.meta.resolve("tsx/esm/api");
    return true;
  } catch {
    return false;
  }
}

async function fromSource() {
  const { register } = await import("tsx/esm/api");
  register();
  return import("../src/main.ts");
}

let load;
if (mode === "source") {
  if (!hasTsx()) {
    console.error(
      "LIANGXIN_CLI=source:找不到 tsx(开发依赖),无法运行源码;请安装开发依赖,或运行 npm run build 后使用构建",
    );
    process.exit(1);
  }
  load = fromSource;
} else {
  const state = buildState();
  if (state.fresh) {
    load = () => import(pathToFileURL(state.bundle).href);
  } else if (mode === "build") {
    if (state.missing) {
      console.error(`LIANGXIN_CLI=build:${state.why},请先运行 npm run build`);
      process.exit(1);
    }
    load = () => import(pathToFileURL(state.bundle).href);
  } else if (hasTsx()) {
    load = fromSource;
  } else if (state.missing) {
    console.error(`${state.why},也找不到 tsx:请先运行 npm run build`);
    process.exit(1);
  } else {
    console.error(`注意:${state.why},且找不到 tsx,仍使用现有的命令行构建;请重新运行 npm run build`);
    load = () => import(pathToFileURL(state.bundle).href);
  }
}

const { main } = await load();
process.exitCode = await main(process.argv.slice(2));
