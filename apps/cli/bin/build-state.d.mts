// Types of build-state.mjs, for the tests written in TypeScript.
export declare const ROOT: string;
export declare const DIST: string;
export declare const BUNDLE: string;
export declare const MANIFEST: string;
export declare const MANIFEST_VERSION: number;
export declare function fileHash(file: string): string;
export type BuildState =
  | { fresh: true; bundle: string }
  | { fresh: false; missing: true; why: string }
  | { fresh: false; missing: false; why: string; bundle: string };
export declare function buildState(dist?: string, root?: string): BuildState;
