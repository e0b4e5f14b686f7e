// Entry points live in bench.ts (npm run bench) and load.ts (npm run load).
export {};
