/**
 * `npm run docs:screenshots`: the user guide's pictures (docs/images), taken from the built portal with the
 * clock pinned to the demo day, as the end-to-end suite runs it. Not part of `npm test`: tests write no
 * tracked files.
 */
import { defineConfig } from "@playwright/test";
import base from "./playwright.config.ts";

export default defineConfig({
  ...base,
  testDir: "./docs",
  testMatch: /.*\.docs\.ts$/,
  outputDir: "./.tmp/docs-results",
  timeout: 120_000,
  use: { ...base.use, viewport: { width: 1280, height: 800 } },
});
