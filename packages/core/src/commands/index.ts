export * from "./messages.ts";
export { type CommandWarning } from "./common.ts";
export * from "./hosts.ts";
export * from "./orgs.ts";
export * from "./coverage.ts";
export * from "./members.ts";
export {
  REGISTRATION_REFUSALS_PER_HOUR,
  REGISTRATION_REFUSED,
  REGISTRATION_THROTTLED,
} from "./registration.ts";
export * from "./instructors.ts";
export * from "./policy.ts";
