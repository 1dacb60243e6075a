// For in-process measurements outside Next.js (scripts/bench/departments.ts run alone): Next's
// "server-only" guard throws outside a server-components bundle, so it resolves to nothing here,
// as vitest.config.ts does for the tests. Use: node --import ./scripts/bench/server-only-stub.mjs --import tsx …
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
        return next(specifier, context);
      }`,
    ),
);
