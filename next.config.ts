import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // mdx-bundler runs esbuild (a native binary) on the server: keep both out of the bundle.
  serverExternalPackages: ["mdx-bundler", "esbuild", "better-sqlite3", "pg"],
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a 403 for pages a role may not open.
  experimental: { authInterrupts: true },
};

export default nextConfig;
