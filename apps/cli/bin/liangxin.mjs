#!/usr/bin/env node
// The operator's command line. Runs its build (apps/cli/dist/liangxin.mjs, `npm run build`) when that is up
// to date with the sources, else the TypeScript sources through tsx (development). LIANGXIN_CLI chooses:
// `build` (always the build: production, `npm start`), `source` (always tsx), unset or `auto` (the build if
// up to date).
import { pathToFileURL } from "node:url";
import { buildState } from "./build-state.mjs";

const mode = process.env.LIANGXIN_CLI || "auto";
if (!["auto", "build", "source"].includes(mode)) {
  console.error(`LIANGXIN_CLI 的值 "${mode}" 无效:应为 build、source 或 auto`);
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
