import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/.turbo/**",
      "**/next-env.d.ts",
      "packages/db/drizzle/**",
      "data/**",
      "e2e/.tmp/**",
      "e2e/test-results/**",
      "e2e/playwright-report/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "off",
      // One clock: time is read only through `clock` (packages/domain/src/clock.ts), so that LIANGXIN_NOW
      // pins it everywhere and no test depends on the calendar. Durations use performance.now().
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message:
            "不要直接读取系统时间:请使用 @liangxin/domain 的 clock(clock.now()/clock.today()),计时用 performance.now()",
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message:
            "不要直接读取系统时间:请使用 @liangxin/domain 的 clock(clock.now()/clock.today()),计时用 performance.now()",
        },
      ],
    },
  },
  {
    // The clock itself reads the machine's time.
    files: ["packages/domain/src/clock.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
);
