import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, rejectMalformed } from "@/lib/security/malformed";

const request = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers });
const goodState = encodeURIComponent(JSON.stringify(["", { children: ["modules", { children: ["__PAGE__", {}, null, null] }] }, null, null]));

describe("rejectMalformed", () => {
  it("lets ordinary requests through", () => {
    expect(rejectMalformed(request("/modules/01-platform-basics?q=%E4%BA%AC"))).toBeNull();
    expect(rejectMalformed(request("/sign-in", { "content-length": String(MAX_BODY_BYTES), "next-router-state-tree": goodState }))).toBeNull();
  });

  it("refuses bad percent-encoding in the path with a zh-CN 400", async () => {
    const response = rejectMalformed(request("/modules/%E0%A4%A"))!;
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/网址编码有误/);
  });

  it("refuses a body over 1 MB by its Content-Length, and a length that is not a number", () => {
    expect(rejectMalformed(request("/grading/x", { "content-length": String(MAX_BODY_BYTES + 1) }))?.status).toBe(413);
    expect(rejectMalformed(request("/grading/x", { "content-length": "abc" }))?.status).toBe(400);
  });

  it("refuses a router-state header Next could not read, in JSON for API and JSON callers", async () => {
    for (const state of ["%E0%A4%A", "{not json", encodeURIComponent('{"a":1}'), encodeURIComponent('["",{"children":5}]'), "x".repeat(40_001)]) {
      expect(rejectMalformed(request("/", { "next-router-state-tree": state }))?.status, state.slice(0, 20)).toBe(400);
    }
    const json = rejectMalformed(request("/api/me", { "next-router-state-tree": "[" }))!;
    expect(await json.json()).toEqual({ ok: false, message: expect.stringMatching(/导航数据无效/) });
  });
});
