import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { loadCourse } from "@/lib/content/load";
import { db } from "@/lib/db";
import { markLessonComplete } from "@/lib/progress/queries";

// The route asks who is signed in; tests say it directly.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ userFromHeaders: async () => session.user }));
const { GET } = await import("@/app/api/me/route");

const [mod] = loadCourse().modules;
const [first, second] = mod.lessons;
const learner: CurrentUser = { id: "u-a", name: "学员甲", email: "a@example.com", role: "learner" };
const other: CurrentUser = { id: "u-b", name: "学员乙", email: "b@example.com", role: "trainer" };

async function ask(query: string, user: CurrentUser | null) {
  session.user = user;
  const response = await GET(new NextRequest(`http://localhost/api/me${query}`));
  return { status: response.status, headers: response.headers, body: await response.json() };
}

beforeAll(async () => {
  for (const u of [learner, other]) await db.user.create({ data: { id: u.id, name: u.name, email: u.email, role: u.role } });
  await markLessonComplete(learner.id, first.key, mod.slug);
});

describe("GET /api/me (the learner's state for a prerendered lesson page)", () => {
  it("answers 401 in Chinese without a session", async () => {
    const { status, body } = await ask(`?lesson=${first.key}`, null);
    expect(status).toBe(401);
    expect(body.message).toMatch(/登录/);
  });

  it("gives the header user, the lesson's completion and the module's tally, never cached", async () => {
    const { status, headers, body } = await ask(`?lesson=${first.key}`, learner);
    expect(status).toBe(200);
    expect(headers.get("cache-control")).toBe("private, no-store");
    expect(body).toEqual({
      user: { name: "学员甲", role: "learner" },
      lesson: { key: first.key, completed: true, module: { done: 1, total: mod.lessons.length, percent: Math.round(100 / mod.lessons.length) } },
    });
    expect((await ask(`?lesson=${second.key}`, learner)).body.lesson.completed).toBe(false);
  });

  it("shows each learner only their own progress", async () => {
    const { body } = await ask(`?lesson=${first.key}`, other);
    expect(body.user).toEqual({ name: "学员乙", role: "trainer" });
    expect(body.lesson).toMatchObject({ completed: false, module: { done: 0 } });
  });

  it("without a lesson, only the user", async () => {
    expect((await ask("", learner)).body).toEqual({ user: { name: "学员甲", role: "learner" } });
  });

  it("refuses bad input with 400 and an unknown lesson with 404, in Chinese", async () => {
    for (const query of ["?lesson=../../etc", "?lesson=a/b&userId=u-b", "?lesson="]) {
      const { status, body } = await ask(query, learner);
      expect(status, query).toBe(400);
      expect(body.message).toBe("请求无效：课程编号不正确。");
    }
    const missing = await ask("?lesson=platform-basics/no-such-lesson", learner);
    expect(missing.status).toBe(404);
    expect(missing.body.message).toMatch(/找不到这节课/);
  });
});
