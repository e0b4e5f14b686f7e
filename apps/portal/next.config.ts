import type { NextConfig } from "next";

/**
 * Content-Security-Policy: only this origin. Next's streamed RSC payload is inline <script> and antd's
 * CSS-in-JS writes inline <style>, so 'unsafe-inline' stays for scripts and styles (a nonce would need a
 * proxy on every request and dynamic rendering everywhere); everything external is refused, and framing,
 * plugins, <base> and cross-origin form posts are off. The dev server also needs 'unsafe-eval'.
 */
const dev = process.env.NODE_ENV !== "production";
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${dev ? " ws:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const config: NextConfig = {
  transpilePackages: [
    "@liangxin/api",
    "@liangxin/core",
    "@liangxin/db",
    "@liangxin/domain",
    "@liangxin/io",
    "@liangxin/runtime",
    "@liangxin/seed",
  ],
  // pino and pino-pretty are on Next.js's own list of server-external packages too.
  serverExternalPackages: ["better-sqlite3", "pino", "pino-pretty"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  experimental: {
    // proxy.ts (the origin check) makes Next.js buffer request bodies, by default only the first 10 MB:
    // a workbook upload of up to 20 MB (the import route's limit) must reach the route whole.
    proxyClientMaxBodySize: "21mb",
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default config;
