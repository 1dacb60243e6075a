import { afterEach, describe, expect, it, vi } from "vitest";

// lib/env.ts reads the environment once, at import: each case imports afresh.
async function originWith(environment: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  return (await import("./origin")).publicOrigin();
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("publicOrigin", () => {
  it("is the configured BETTER_AUTH_URL's origin", async () => {
    expect(await originWith({ BETTER_AUTH_URL: "https://train.example.com/", PORT: "3000" })).toBe("https://train.example.com");
    expect(await originWith({ BETTER_AUTH_URL: "https://train.example.com:8443/app", PORT: "3000" })).toBe("https://train.example.com:8443");
  });

  it("falls back to this machine's port when unset", async () => {
    expect(await originWith({ BETTER_AUTH_URL: undefined, PORT: "4321" })).toBe("http://localhost:4321");
  });
});
