/** Sign-in, sessions, the login throttle and the user accounts' passwords and roles. */
export * from "./login.ts";
export * from "./sessions.ts";
export * from "./throttle.ts";
export * from "./users.ts";
