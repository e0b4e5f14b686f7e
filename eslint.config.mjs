import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const NO_WALL_CLOCK =
  "不要直接读取系统时间:请使用 @liangxin/domain 的 clock(clock.now()/clock.today()),计时用 performance.now()";
// One clock: time is read only through `clock` (packages/domain/src/clock.ts), so that LIANGXIN_NOW pins
// it everywhere and no test depends on the calendar. Durations use performance.now().
const CLOCK_RULES = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: NO_WALL_CLOCK },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: NO_WALL_CLOCK,
  },
];
// One scope module: a subtree becomes SQL only in packages/db/src/scope/ (paths.ts); elsewhere no SQL text
// compares a path with GLOB, LIKE, BETWEEN or a range.
const PATH_SQL = "/\\bpath\\s*(glob|like|between|>=|<)/i";
const SCOPE_RULES = [
  {
    selector: `Literal[value=${PATH_SQL}]`,
    message:
      "范围条件只能来自范围模块(packages/db/src/scope):请使用 within/sets/pathWithin,不要手写 path glob/like/between",
  },
  {
    selector: `TemplateElement[value.raw=${PATH_SQL}]`,
    message:
      "范围条件只能来自范围模块(packages/db/src/scope):请使用 within/sets/pathWithin,不要手写 path glob/like/between",
  },
];

const DRIVER_MESSAGE = "数据库驱动只在数据层(packages/db)使用:API 和门户请调用 @liangxin/db 的查询与用例函数";

const DRIVER_PATHS = [
  { name: "better-sqlite3", message: DRIVER_MESSAGE },
  { name: "drizzle-orm", message: DRIVER_MESSAGE },
];
const BOUNDARY_PATTERNS = [
  { group: ["drizzle-orm/*", "better-sqlite3/*"], message: DRIVER_MESSAGE },
  {
    group: ["@liangxin/*"],
    importNamePattern: "^unsafe",
    message: "unsafe… 函数以系统身份运行(不受范围限制),只供命令行使用,API 和门户不能导入",
  },
];
// Procedures and pages reach data only through queries and use cases: not through the driver (its types
// aside) nor through the seed generators.
const PAGE_AND_ROUTER_PATHS = [
  ...DRIVER_PATHS,
  {
    name: "@liangxin/db/driver",
    allowTypeImports: true,
    message: "路由和页面不直接使用数据库驱动:请调用 @liangxin/db/queries 的查询或 @liangxin/core 的用例",
  },
];
const PAGE_AND_ROUTER_PATTERNS = [
  ...BOUNDARY_PATTERNS,
  { group: ["@liangxin/seed", "@liangxin/seed/*"], message: "演示数据生成器只供命令行和测试使用" },
];

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "apps/cli/dist/**",
      "**/.turbo/**",
      "**/next-env.d.ts",
      "packages/db/drizzle/**",
      "packages/db/drizzle-pg/**",
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
      "no-restricted-syntax": ["error", ...CLOCK_RULES],
    },
  },
  {
    files: ["packages/**/*.ts", "apps/**/*.ts", "apps/**/*.tsx"],
    ignores: ["packages/db/src/scope/**", "**/test/**", "**/*.test.ts"],
    rules: { "no-restricted-syntax": ["error", ...CLOCK_RULES, ...SCOPE_RULES] },
  },
  {
    // Functions that run without a caller (`unsafe…`) are for the command line, and the driver is the data
    // layer's (packages/db): the API and the portal import neither; they call the data layer's functions.
    files: ["packages/api/src/**/*.ts", "apps/portal/src/**/*.ts", "apps/portal/src/**/*.tsx"],
    rules: {
      "no-restricted-imports": ["error", { paths: DRIVER_PATHS, patterns: BOUNDARY_PATTERNS }],
    },
  },
  {
    files: [
      "packages/api/src/procedures/**/*.ts",
      "apps/portal/src/app/**/*.tsx",
      "apps/portal/src/roles/**/*.tsx",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: PAGE_AND_ROUTER_PATHS, patterns: PAGE_AND_ROUTER_PATTERNS },
      ],
    },
  },
  {
    // The data layer is async: a statement, a transaction, a use case answer Promises. A Promise left
    // unawaited runs after its transaction has ended, and one used as a condition is always true — both
    // compile. These rules read the types to refuse them (about two minutes of the lint on two cores).
    files: ["packages/**/*.ts", "apps/**/*.ts", "apps/**/*.tsx", "e2e/**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      // An async event handler of a React element is React's to run (its errors reach the error boundary).
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    // The clock itself reads the machine's time.
    files: ["packages/domain/src/clock.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
);
