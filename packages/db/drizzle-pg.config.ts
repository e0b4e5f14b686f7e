import { defineConfig } from "drizzle-kit";

/** The PostgreSQL migrations, generated from the same tables (`src/schema-pg.ts` instantiates them). */
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema-pg.ts",
  out: "./drizzle-pg",
  casing: "snake_case",
});
