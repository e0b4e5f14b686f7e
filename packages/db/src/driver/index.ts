/**
 * The driver: opening and migrating the database, the port (read and write connections, transactions),
 * the statement runners and the bulk paths. Only packages/db, packages/core, packages/seed and
 * packages/io use it; the API's routers and the portal's pages reach data through queries and use cases
 * (eslint's import-boundary rule).
 */
export * from "./client.ts";
export * from "./port.ts";
export * from "./query.ts";
export * from "./bulk.ts";
export * from "./connection.ts";
export * from "./backup.ts";
export { idList, textList, isBusyError, isUniqueViolation, isExclusionViolation } from "../dialect/sqlite.ts";
export { openPgDb, pgliteDb, isPg, holdAdvisoryLock, advisoryLockFree } from "./pg-db.ts";
export { openDatabase } from "./open.ts";
export { syncIdSequences, reserveIds } from "./sequences.ts";
export { mayReadApart, runApart, readThreadSettled, readThreadStats } from "./read-thread.ts";
export { inSpan } from "./trace.ts";
