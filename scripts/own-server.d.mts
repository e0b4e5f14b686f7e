export declare const HOST: "127.0.0.1";
export declare function freePort(): Promise<number>;
export declare function freePortSync(): number;
export declare function newInstanceToken(): string;
export declare function ownHealthURL(baseURL: string, token: string): string;
export declare function waitForOwnServer(
  baseURL: string,
  token: string,
  opts?: { timeoutMs?: number; exited?: () => boolean | string | null | undefined },
): Promise<void>;
export declare const SERVER_LOG_INDEX: "servers.txt";
export declare function openServerLog(dir: string, name: string): { file: string; fd: number };
