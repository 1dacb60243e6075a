import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { inlineHashes, isLessonPath } from "./prerendered";

const hash = (text: string) => `sha256-${createHash("sha256").update(text).digest("base64")}`;

describe("isLessonPath", () => {
  it("matches lessons only", () => {
    expect(isLessonPath("/modules/platform-basics/jd-overview")).toBe(true);
    for (const path of ["/modules/platform-basics", "/modules/platform-basics/quiz", "/modules/a/quiz/123", "/modules/a/b/c", "/progress"]) {
      expect(isLessonPath(path), path).toBe(false);
    }
  });
});

describe("inlineHashes", () => {
  it("hashes every inline script and style exactly, and no external script", () => {
    const html = [
      `<script src="/_next/static/chunks/a.js" async=""></script>`,
      `<script>self.__next_f=self.__next_f||[]</script>`,
      `<script id="x">self.__next_f.push([1,"中文\\u003c/script>"])</script>`,
      `<style data-precedence="x">.a{color:red}</style>`,
      `<SCRIPT>a()</SCRIPT >`,
    ].join("\n");
    expect(inlineHashes(html)).toEqual({
      scripts: [hash("self.__next_f=self.__next_f||[]"), hash('self.__next_f.push([1,"中文\\u003c/script>"])'), hash("a()")],
      styles: [hash(".a{color:red}")],
    });
  });
});
