#!/usr/bin/env node
// The operator's command line. Runs the TypeScript sources through tsx (source-first packages).
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.argv.slice(2));
