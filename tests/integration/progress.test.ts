import { describe, expect, it } from "vitest";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db";
import { getCompletedLessonKeys, markLessonComplete } from "@/lib/progress/queries";
import { completeLessonSchema } from "@/lib/progress/schema";

async function learner(email: string) {
  const { user } = await auth.api.signUpEmail({ body: { name: "学员", email, password: "password123" } });
  return user;
}

describe("lesson progress storage", () => {
  it("stores a completion once and keeps the first time", async () => {
    const a = await learner("once@example.com");
    await markLessonComplete(a.id, "platform-basics/jd-overview", "platform-basics");
    const first = await db.lessonProgress.findFirstOrThrow({ where: { userId: a.id } });
    await markLessonComplete(a.id, "platform-basics/jd-overview", "platform-basics");
    const rows = await db.lessonProgress.findMany({ where: { userId: a.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].completedAt).toEqual(first.completedAt);
  });

  it("keeps each learner's progress to themselves", async () => {
    const a = await learner("a@example.com");
    const b = await learner("b@example.com");
    await markLessonComplete(a.id, "platform-basics/jd-overview", "platform-basics");
    expect(await getCompletedLessonKeys(a.id)).toEqual(new Set(["platform-basics/jd-overview"]));
    expect(await getCompletedLessonKeys(b.id)).toEqual(new Set());
  });

  it("refuses a completion request that names another user", () => {
    const result = completeLessonSchema.safeParse({ lessonKey: "platform-basics/jd-overview", userId: "someone-else" });
    expect(result.success).toBe(false);
  });

  it("refuses malformed lesson keys", () => {
    for (const lessonKey of ["", "../etc/passwd", "a/b/c", 42]) {
      expect(completeLessonSchema.safeParse({ lessonKey }).success).toBe(false);
    }
  });
});
