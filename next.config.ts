import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // mdx-bundler runs esbuild (a native binary) on the server: keep both out of the bundle.
  serverExternalPackages: ["mdx-bundler", "esbuild", "better-sqlite3", "pg"],
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a 403 for pages a role may not open.
  experimental: { authInterrupts: true },
  // The proxy sees requests as sent, Next's router headers included (otherwise it strips them
  // before the proxy runs): lib/security/malformed.ts refuses a malformed Next-Router-State-Tree,
  // which Next would answer with a 500.
  skipProxyUrlNormalize: true,
};

export default nextConfig;
