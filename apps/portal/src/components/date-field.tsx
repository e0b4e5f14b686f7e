"use client";

import { useState } from "react";
import { DatePicker } from "antd";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { useProductToday } from "./today-context.tsx";

dayjs.locale("zh-cn");

/** The one date format of the product's forms and API (the API's zod schemas check it). */
export const DATE_FORMAT = "YYYY-MM-DD";
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const toDay = (v: string | null | undefined) => {
  if (!v || !ISO_DATE.test(v)) return null;
  const d = dayjs(v, DATE_FORMAT);
  return d.isValid() ? d : null;
};

/**
 * A date field: an antd DatePicker (zh_CN) whose value is the YYYY-MM-DD string the forms and the API
 * use (cleared: ""). A date can be picked or typed (then Enter or leaving the field). The panel opens on
 * the product's today, and its 今天 is the product's (the browser's clock may be another day).
 */
export function DateField({
  id,
  value,
  onChange,
  width = 140,
  size,
  testId,
  ariaLabel,
  allowClear = true,
}: {
  /** Set by Form.Item: ties the field's label to the input. */
  id?: string;
  value?: string | null;
  onChange?: (v: string) => void;
  width?: number;
  size?: "small" | "middle" | "large";
  testId?: string;
  ariaLabel?: string;
  allowClear?: boolean;
}) {
  const today = toDay(useProductToday());
  return (
    <DatePicker
      id={id}
      value={toDay(value)}
      format={DATE_FORMAT}
      placeholder={DATE_FORMAT}
      onChange={(d) => onChange?.(d ? d.format(DATE_FORMAT) : "")}
      defaultPickerValue={today ?? undefined}
      showNow={false}
      renderExtraFooter={
        today
          ? () => (
              <a onClick={() => onChange?.(today.format(DATE_FORMAT))} data-testid="date-today">
                今天({today.format(DATE_FORMAT)})
              </a>
            )
          : undefined
      }
      allowClear={allowClear}
      size={size}
      style={{ width }}
      data-testid={testId}
      aria-label={ariaLabel}
    />
  );
}

/** A date field of a plain GET form (a filter): the picked date goes out as the hidden field `name`. */
export function NamedDateField({
  name,
  defaultValue,
  ariaLabel,
  testId,
}: {
  name: string;
  defaultValue?: string | null;
  ariaLabel: string;
  testId?: string;
}) {
  const [value, setValue] = useState(defaultValue ?? "");
  return (
    <>
      <DateField value={value} onChange={setValue} ariaLabel={ariaLabel} testId={testId} />
      <input type="hidden" name={name} value={value} />
    </>
  );
}
