"use client";

/** The outcome of a five-basics form: its success line, and the server's refusal under the field it is about. */
import type { FormInstance } from "antd";
import { useOutcome } from "../form-kit.tsx";

interface ServerError {
  message: string;
  data?: { zodIssues?: { field: string | null; message: string }[] | null } | null;
}

/**
 * Success line and refresh of a form, and its server errors under the fields: `fields` maps a form field
 * to the Chinese name the API gives it; what names no field of the form goes under `main`.
 */
export function useFieldOutcome(form: FormInstance, fields: Record<string, string>, main: string) {
  const out = useOutcome();
  return {
    feedback: out.feedback,
    /** An edited field's server error goes (antd keeps errors set by setFields until the next validation). */
    clear: (changed: Record<string, unknown>) =>
      form.setFields(Object.keys(changed).map((name) => ({ name, errors: [] }))),
    ok: () => {
      form.setFields(Object.keys(fields).map((name) => ({ name, errors: [] })));
      out.ok();
    },
    fail: (e: ServerError) => {
      const errors = new Map<string, string[]>();
      const issues = e.data?.zodIssues?.length ? e.data.zodIssues : [{ field: null, message: e.message }];
      for (const issue of issues) {
        const name =
          Object.keys(fields).find((k) => issue.field !== null && fields[k] === issue.field) ?? main;
        errors.set(name, [...(errors.get(name) ?? []), issue.message]);
      }
      form.setFields([...errors].map(([name, errs]) => ({ name, errors: errs })));
    },
  };
}
