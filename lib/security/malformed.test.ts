import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, rejectMalformed } from "@/lib/security/malformed";

const request = (path: string, headers: Record<string, string> = {}, init: RequestInit = {}) => new Request(`http://localhost${path}`, { headers, ...init });
const goodState = encodeURIComponent(JSON.stringify(["", { children: ["modules", { children: ["__PAGE__", {}, null, null] }] }, null, null]));
const action = (body: BodyInit, type = "text/plain;charset=UTF-8") => request("/grading/x", { "next-action": "60ab", "content-type": type }, { method: "POST", body });
const multipart = (fields: [string, string][], headers: Record<string, string> = { "next-action": "60ab" }) => {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return new Request("http://localhost/grading/x", { method: "POST", body: form, headers });
};

describe("rejectMalformed", () => {
  it("lets ordinary requests through", async () => {
    expect(await rejectMalformed(request("/modules/01-platform-basics?q=%E4%BA%AC"))).toBeNull();
    expect(await rejectMalformed(request("/sign-in", { "content-length": String(MAX_BODY_BYTES), "next-router-state-tree": goodState }))).toBeNull();
  });

  it("refuses bad percent-encoding in the path with a zh-CN 400", async () => {
    const response = (await rejectMalformed(request("/modules/%E0%A4%A")))!;
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/网址编码有误/);
  });

  it("refuses a body over 1 MB by its Content-Length, and a length that is not a number", async () => {
    expect((await rejectMalformed(request("/grading/x", { "content-length": String(MAX_BODY_BYTES + 1) })))?.status).toBe(413);
    expect((await rejectMalformed(request("/grading/x", { "content-length": "abc" })))?.status).toBe(400);
  });

  it("refuses a router-state header Next could not read, in JSON for API and JSON callers", async () => {
    for (const state of ["%E0%A4%A", "{not json", encodeURIComponent('{"a":1}'), encodeURIComponent('["",{"children":5}]'), "x".repeat(40_001)]) {
      expect((await rejectMalformed(request("/", { "next-router-state-tree": state })))?.status, state.slice(0, 20)).toBe(400);
    }
    const json = (await rejectMalformed(request("/api/me", { "next-router-state-tree": "[" })))!;
    expect(await json.json()).toEqual({ ok: false, message: expect.stringMatching(/导航数据无效/) });
  });
});

describe("server-action bodies", () => {
  it("lets through what React's encodeReply sends for this app's actions", async () => {
    for (const body of ['[{"attemptId":"abc","answers":[{"itemKey":"p3:0","value":"$$5 一件"}]}]', "[]", '[null,"$undefined","$NaN","$D2026-01-01T00:00:00.000Z"]']) {
      expect(await rejectMalformed(action(body)), body).toBeNull();
    }
    expect(await rejectMalformed(multipart([["0", '[null,"$K1"]'], ["_1_points:__proto__", "5"], ["_1_comment", "好"]]))).toBeNull();
  });

  it("refuses bodies React's decoder would throw on", async () => {
    for (const body of ["", "[", '"x"', '{"a":1}', '["$1"]', '["$Q1"]', '["$F1"]', '[{"then":"$1"}]', '["$"]', '["$nx"]']) {
      expect((await rejectMalformed(action(body)))?.status, body).toBe(400);
    }
    expect((await rejectMalformed(multipart([["x", "1"]])))?.status).toBe(400);
    expect((await rejectMalformed(multipart([["0", '"x"']])))?.status).toBe(400);
    expect((await rejectMalformed(multipart([["0", '[null,"$1"]'], ["1", "garbage"]])))?.status).toBe(400);
    expect((await rejectMalformed(action("garbage", "multipart/form-data; boundary=zz")))?.status).toBe(400);
    expect((await rejectMalformed(multipart([["$ACTION_REF_1", ""], ["$ACTION_1:1", "garbage"]], {})))?.status).toBe(400);
  });

  it("counts a body sent without Content-Length", async () => {
    const big = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(`["${"x".repeat(MAX_BODY_BYTES)}"]`));
        controller.close();
      },
    });
    const response = await rejectMalformed(new Request("http://localhost/grading/x", { method: "POST", body: big, headers: { "next-action": "60ab" }, duplex: "half" } as RequestInit));
    expect(response?.status).toBe(413);
  });
});
