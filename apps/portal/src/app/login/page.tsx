import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert, Card } from "antd";
import { sessionUserId } from "@/auth";
import { LoginForm } from "./login-form.tsx";
import { portalMessages as m } from "../messages.ts";

export const metadata: Metadata = { title: m.loginTitle };
export const dynamic = "force-dynamic";

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (await sessionUserId()) redirect("/");
  const { changed } = await searchParams;
  return (
    <main style={{ minHeight: "100vh", display: "grid", placeItems: "center" }}>
      <Card style={{ width: 380 }}>
        <h1 style={{ fontSize: 20, textAlign: "center", margin: "0 0 4px" }}>{m.appName}</h1>
        <h2 style={{ fontSize: 16, textAlign: "center", fontWeight: 400, color: "#666", margin: "0 0 20px" }}>
          {m.loginTitle}
        </h2>
        {changed === "1" ? (
          <Alert
            type="success"
            showIcon
            title={m.passwordChangedSignIn}
            data-testid="login-notice"
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <LoginForm />
      </Card>
    </main>
  );
}
