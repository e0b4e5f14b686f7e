/**
 * Every vitest run starts with the one clock pinned at the canonical demo instant, so that no test reads
 * the wall clock (the clock runs on from there). A test that needs another day installs its own clock with
 * `setClock` and restores it.
 */
import { runningClock, setClock } from "@liangxin/domain";
import { TEST_NOW } from "./test-calendar.ts";

setClock(runningClock(TEST_NOW));
// Processes a test starts (the command line, import workers) read the same pinned clock.
process.env.LIANGXIN_NOW ??= TEST_NOW;
// Tests that follow a log line install their own logger; the rest run quietly.
process.env.LOG_LEVEL ??= "silent";
