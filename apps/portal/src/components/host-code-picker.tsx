"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { useTRPC } from "@/trpc/react";

/**
 * A host of the caller's territory chosen by typing part of its name or credit code, for a plain form
 * posting to a server action: the chosen host's 统一社会信用代码 goes out as the hidden field `name`.
 */
export function HostCodePicker({
  name,
  ariaLabel,
  width = 360,
}: {
  name: string;
  ariaLabel: string;
  width?: number;
}) {
  const trpc = useTRPC();
  const [q, setQ] = useState("");
  const [code, setCode] = useState<string | undefined>();
  const hosts = useQuery(trpc.hosts.list.queryOptions({ page: 1, pageSize: 30, ...(q ? { q } : {}) }));
  const options = (hosts.data?.rows ?? [])
    .filter((h) => h.access === "edit")
    .map((h) => ({ value: h.creditCode, label: `${h.name}(${h.creditCode})` }));
  return (
    <>
      <Select
        aria-label={ariaLabel}
        value={code}
        onChange={(v: string | undefined) => setCode(v)}
        allowClear
        showSearch={{ filterOption: false, onSearch: setQ }}
        loading={hosts.isFetching}
        options={options}
        style={{ width }}
        data-testid={`${name}-picker`}
      />
      <input type="hidden" name={name} value={code ?? ""} />
    </>
  );
}
