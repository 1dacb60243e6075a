import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "@/lib/zod";

const ROOT = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("zod's messages", () => {
  it("are zh-CN by default", () => {
    const wrongType = z.string().safeParse(42);
    const tooLong = z.string().max(3).safeParse("四个汉字");
    expect(wrongType.error?.issues[0].message).toMatch(/^无效输入：期望 string/);
    expect(tooLong.error?.issues[0].message).toMatch(/[\u4e00-\u9fff]/);
    expect(tooLong.error?.issues[0].message).not.toMatch(/Too big|expected/i);
  });

  it("cannot be bypassed: the app imports zod's values only through lib/zod", () => {
    const direct = ["app", "components", "lib", "scripts"]
      .flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
      .filter((file) => !file.endsWith(path.join("lib", "zod.ts")))
      .filter((file) => /^import (?!type )[^;]*from "zod(\/[^"]*)?";/m.test(readFileSync(file, "utf8")));
    expect(direct.map((file) => path.relative(ROOT, file))).toEqual([]);
  });
});
