/**
 * Whether the standard OpenTelemetry variables turn traces on (see tracing.ts), read without loading the
 * SDK: a process loads `@liangxin/runtime/tracing` only when they do.
 */
/** The exporters `OTEL_TRACES_EXPORTER` names that this program knows. */
const KNOWN = new Set(["console", "otlp", "none"]);

export interface TracingSettings {
  /** The exporters asked for (empty: tracing off). */
  exporters: ("console" | "otlp")[];
  /** Names in `OTEL_TRACES_EXPORTER` this program does not know (ignored, said once on standard error). */
  unknown: string[];
}

/** What the standard variables ask for. */
export function tracingSettings(env: NodeJS.ProcessEnv = process.env): TracingSettings {
  const disabled = (env.OTEL_SDK_DISABLED ?? "").trim().toLowerCase() === "true";
  const names = (env.OTEL_TRACES_EXPORTER ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== "");
  const unknown = names.filter((n) => !KNOWN.has(n));
  if (disabled || names.includes("none")) return { exporters: [], unknown };
  const exporters = [
    ...new Set(names.filter((n): n is "console" | "otlp" => n === "console" || n === "otlp")),
  ];
  return { exporters, unknown };
}
