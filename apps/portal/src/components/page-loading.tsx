import { Skeleton } from "antd";
import { serviceMessages as m } from "@/app/service-messages";

/** What loading.tsx shows while a page's data is computed on the server. */
export function PageLoading({ text = m.loading }: { text?: string }) {
  return (
    <div data-testid="page-loading" aria-busy="true">
      <p style={{ color: "#666" }}>{text}</p>
      <Skeleton active paragraph={{ rows: 8 }} />
    </div>
  );
}
