import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { createDbClient } from "@/lib/db-client";

// GET /api/me as a browser calls it, with real sessions (learner-state.test.ts stubs the session):
// the same answer with and without the session-cache cookie, one SQL statement per request with
// it and two without (decision 027), and the same refusals as before.

// Every SQL statement the app sends counted: lib/db.ts takes globalThis.prisma outside production.
const statements: string[] = [];
(globalThis as { prisma?: unknown }).prisma = createDbClient(undefined, { onStatement: (sql) => statements.push(sql) });

const { GET } = await import("@/app/api/me/route");
const { auth } = await import("@/lib/auth/auth");
const { loadCourse } = await import("@/lib/content/load");
const { db } = await import("@/lib/db");
const { markLessonComplete } = await import("@/lib/progress/queries");
const { saveQuizAttempt } = await import("@/lib/quiz/queries");
const { cookieHeader, signUpInBrowser } = await import("./support/browser-session");

const [first, second] = loadCourse().modules;
const withoutCacheCookie = (cookie: string) => cookie.split("; ").filter((c) => !c.includes("session_data=")).join("; ");

async function ask(query: string, cookie?: string) {
  const response = await GET(new NextRequest(`http://localhost:3000/api/me${query}`, { headers: cookie ? { cookie } : {} }));
  return { status: response.status, body: await response.json() };
}

let learner: { id: string; cookie: string };
let other: { id: string; cookie: string };
/** The learner's cookies with a cache cookie written after the rename. */
let withCache: string;

beforeAll(async () => {
  const signedUp = await signUpInBrowser("me-route");
  other = await signUpInBrowser("me-route");
  await db.user.update({ where: { id: signedUp.id }, data: { name: "王小明" } });
  // Signed in again: a cache cookie holding the new name. (A route called outside Next cannot set
  // cookies: better-auth's nextCookies writes them through next/headers.)
  const signedIn = await auth.api.signInEmail({ body: { email: signedUp.email, password: "password123" }, asResponse: true });
  withCache = cookieHeader(signedIn);
  expect(withCache).toContain("session_data=");
  learner = { id: signedUp.id, cookie: withoutCacheCookie(withCache) };
  for (const lesson of first.lessons.slice(0, 2)) await markLessonComplete(learner.id, lesson.key, first.slug);
  await markLessonComplete(learner.id, second.lessons[1].key, second.slug);
  // A module quiz result beside the progress: the state of a lesson does not depend on it.
  await saveQuizAttempt(learner.id, { moduleSlug: first.slug, sittingId: "me-route-sitting", correct: 4, total: 5, score: 80, review: [] });
});

describe("GET /api/me with a real session", () => {
  it("answers a learner with progress and quiz results exactly as before, from the database and from the cache cookie", async () => {
    const fromDatabase = await ask(`?lesson=${first.lessons[0].key}`, learner.cookie);
    expect(fromDatabase.status).toBe(200);
    expect(fromDatabase.body).toEqual({
      user: { name: "王小明", role: "learner" },
      lesson: {
        key: first.lessons[0].key,
        completed: true,
        module: { done: 2, total: first.lessons.length, percent: Math.round((2 / first.lessons.length) * 100) },
      },
    });
    expect((await ask(`?lesson=${first.lessons[0].key}`, withCache)).body).toEqual(fromDatabase.body);

    expect((await ask(`?lesson=${second.lessons[0].key}`, withCache)).body.lesson).toEqual({
      key: second.lessons[0].key,
      completed: false,
      module: { done: 1, total: second.lessons.length, percent: Math.round((1 / second.lessons.length) * 100) },
    });
    expect((await ask("", learner.cookie)).body).toEqual({ user: { name: "王小明", role: "learner" } });
  });

  it("sends two statements with the cache cookie (is the session still live, progress) and two without it (the session with its user, progress)", async () => {
    const lesson = `?lesson=${first.lessons[0].key}`;
    statements.length = 0;
    expect((await ask(lesson, learner.cookie)).status).toBe(200);
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatch(/FROM "session" s JOIN "user" u/);
    expect(statements[1]).toMatch(/FROM "lesson_progress" WHERE "userId"/);

    statements.length = 0;
    expect((await ask(lesson, withCache)).status).toBe(200);
    // The cached session is checked with one indexed statement, not read again (decision 036).
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatch(/SELECT 1 AS "live" FROM "session" s JOIN "user" u/);
    expect(statements[1]).toMatch(/FROM "lesson_progress" WHERE "userId"/);
  });

  it("shows each learner only their own progress", async () => {
    const { body } = await ask(`?lesson=${first.lessons[0].key}`, withoutCacheCookie(other.cookie));
    expect(body.lesson).toMatchObject({ completed: false, module: { done: 0 } });
  });

  it("refuses the signed-out, a forged or ended session, and bad input, in Chinese", async () => {
    const lesson = `?lesson=${first.lessons[0].key}`;
    for (const cookie of [undefined, "better-auth.session_token=forged.signature"]) {
      const { status, body } = await ask(lesson, cookie);
      expect(status, cookie).toBe(401);
      expect(body.message).toBe("登录已过期，请重新登录。");
    }
    for (const query of ["?lesson=../../etc", "?lesson=a/b&userId=x", "?lesson="]) {
      const { status, body } = await ask(query, learner.cookie);
      expect(status, query).toBe(400);
      expect(body.message).toBe("请求无效：课程编号不正确。");
    }
    const missing = await ask("?lesson=platform-basics/no-such-lesson", learner.cookie);
    expect(missing.status).toBe(404);
    expect(missing.body.message).toMatch(/找不到这节课/);

    const ended = await signUpInBrowser("me-route");
    await db.session.deleteMany({ where: { userId: ended.id } });
    expect((await ask(lesson, withoutCacheCookie(ended.cookie))).status).toBe(401);
  });
});
