import { afterEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/progress/route";
import { db } from "@/lib/db";
import { writeBatch } from "@/lib/db-writes";
import { ORIGIN, signUpInBrowser } from "./support/browser-session";

// The completion's write, as itself, with a way to make one call fail as a database would.
vi.mock("@/lib/db-writes", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/db-writes")>();
  return { ...original, writeBatch: vi.fn(original.writeBatch) };
});

// POST /api/progress as the lesson page's fetch sends it: JSON { lessonKey } with the browser's cookies.
const LESSON = "platform-basics/jd-overview";

function post(cookie: string | null, body: string, contentType = "application/json") {
  const headers = new Headers({ "content-type": contentType, origin: ORIGIN });
  if (cookie) headers.set("cookie", cookie);
  return POST(new Request(`${ORIGIN}/api/progress`, { method: "POST", headers, body }));
}
const completion = (lessonKey: string, extra: object = {}) => JSON.stringify({ lessonKey, ...extra });
const rows = (userId: string) => db.lessonProgress.findMany({ where: { userId } });
const CHINESE = /[\u4e00-\u9fff]/;

afterEach(() => vi.restoreAllMocks());

describe("POST /api/progress", () => {
  it("answers { ok: true } only once the completion is stored", async () => {
    const { id, cookie } = await signUpInBrowser("route");
    const res = await post(cookie, completion(LESSON));
    // The row exists by the time the answer does: nothing runs after the handler returns.
    const stored = await rows(id);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(stored).toMatchObject([{ lessonKey: LESSON, moduleSlug: "platform-basics" }]);
  });

  it("does not acknowledge a write that failed: 503 with a zh-CN message, nothing stored", async () => {
    const { id, cookie } = await signUpInBrowser("route");
    vi.mocked(writeBatch).mockRejectedValueOnce(new Error("database is locked"));
    const res = await post(cookie, completion(LESSON));
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, message: "保存失败，请检查网络后重试。" });
    expect(await rows(id)).toEqual([]);
  });

  it("is idempotent: completing twice keeps one row and the first time", async () => {
    const { id, cookie } = await signUpInBrowser("route");
    expect((await post(cookie, completion(LESSON))).status).toBe(200);
    const [first] = await rows(id);
    const again = await post(cookie, completion(LESSON));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ok: true });
    const after = await rows(id);
    expect(after).toHaveLength(1);
    expect(after[0].completedAt).toEqual(first.completedAt);
  });

  it("refuses a request without a session with 401", async () => {
    for (const cookie of [null, "better-auth.session_token=forged.signature"]) {
      const res = await post(cookie, completion(LESSON));
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ ok: false, message: "登录已过期，请重新登录后再标记完成。" });
    }
  });

  it("refuses bad JSON and bad input with 400 and a zh-CN message", async () => {
    const { id, cookie } = await signUpInBrowser("route");
    const bad: [string, string?][] = [
      ["{not json"],
      [""],
      ["[]"],
      [completion("../etc/passwd")],
      [JSON.stringify({ lessonKey: 42 })],
      // The learner is always the signed-in user: a body naming someone is refused.
      [completion(LESSON, { userId: "someone-else" })],
      // Not JSON: a form post from another page would arrive like this.
      [completion(LESSON), "text/plain;charset=UTF-8"],
    ];
    for (const [body, contentType] of bad) {
      const res = await post(cookie, body, contentType);
      expect(res.status, body).toBe(400);
      const answer = await res.json();
      expect(answer.ok).toBe(false);
      expect(answer.message).toMatch(CHINESE);
    }
    expect(await rows(id)).toEqual([]);
  });

  it("answers 404 for a well-formed key of a lesson that does not exist", async () => {
    const { id, cookie } = await signUpInBrowser("route");
    const res = await post(cookie, completion("platform-basics/no-such-lesson"));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, message: "找不到这节课，可能已被移动或删除。" });
    expect(await rows(id)).toEqual([]);
  });
});
