import { describe, expect, it } from "vitest";
import { serveOptionsFromEnv, workerCount } from "./serve";

describe("WEB_CONCURRENCY", () => {
  it("unset or empty: one worker per core", () => {
    expect(workerCount(undefined, 2)).toBe(2);
    expect(workerCount("", 4)).toBe(4);
    expect(workerCount("  ", 1)).toBe(1);
  });

  it("a whole number from 1 to 64 is the count, whatever the cores", () => {
    expect(workerCount("1", 2)).toBe(1);
    expect(workerCount(" 3 ", 2)).toBe(3);
    expect(workerCount("64", 2)).toBe(64);
  });

  it.each(["0", "65", "-1", "1.5", "2e1", "two", "0x2", "2 workers"])("refuses %j with a zh-CN message naming it", (value) => {
    expect(() => workerCount(value, 2)).toThrow(`WEB_CONCURRENCY 设置有误：“${value}”不是 1 到 64 之间的整数`);
  });

  it("is read with the other settings", () => {
    expect(serveOptionsFromEnv({ PORT: "3111", WEB_CONCURRENCY: "1" }, 2)).toEqual({ port: 3111, trustedProxies: [], workers: 1 });
    expect(serveOptionsFromEnv({}, 2).workers).toBe(2);
  });
});
