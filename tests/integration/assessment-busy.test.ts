import { describe, expect, it, vi } from "vitest";

// A database that cannot take a write (no free connection under a crowd) must give the learner a
// zh-CN answer their page can act on, never a 500.
const learner = { id: "u1", name: "学员", email: "u1@example.com", role: "learner" };
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => learner, userFromHeaders: async () => learner }));
vi.mock("@/lib/assessment/attempts", () => {
  const busy = () => Promise.reject(new Error("Transaction API error: Unable to start a transaction in the given time."));
  return { saveAnswers: busy, submitAttempt: busy, startAttempt: busy };
});
vi.mock("@/lib/assessment/access", () => ({ assessmentUnlocked: async () => true }));
const { postSave, postStart, postSubmit } = await import("./support/assessment-routes");

describe("assessment writes when the database is overloaded", () => {
  it("answer ok: false with a message (503 from the routes), so autosave retries and nothing is acknowledged", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const attemptId = "c".repeat(25);
    const saved = await postSave(attemptId, { answers: [{ itemKey: "p1:q1", value: ["AAAAAAAAAAAAAAAA"] }] });
    expect(saved).toEqual({ status: 503, body: { ok: false, message: expect.stringContaining("服务器繁忙") } });
    expect(await postSubmit(attemptId)).toEqual({ status: 503, body: { ok: false, message: expect.stringContaining("服务器繁忙") } });
    expect(await postStart()).toEqual({ status: 503, body: { ok: false, message: expect.stringContaining("服务器繁忙") } });
  });
});
