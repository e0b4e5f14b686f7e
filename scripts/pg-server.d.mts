/** A PostgreSQL 15 server of its own (scripts/pg-server.mjs): its URL (database `liangxin`) and `stop()`. */
export declare function startPgServer(opts?: { log?: (line: string) => void }): Promise<{
  url: string;
  stop(): void;
}>;
export declare function freePort(): Promise<number>;
