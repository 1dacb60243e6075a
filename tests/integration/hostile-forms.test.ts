import { afterEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { NOT_A_FORM } from "@/lib/security/input";

// Issue 13: form actions called as an attacker would (wrong argument types, hostile field names).
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user, getVerifiedUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { saveGradeAction } = await import("@/lib/grading/actions");
const { changeRoleAction } = await import("@/lib/admin/actions");
const { printedNameAction, reinstateAction, revokeAction } = await import("@/lib/certificates/actions");

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};
const as = (role: CurrentUser["role"]) => {
  session.user = { id: `${role}-1`, name: role, email: `${role}@example.com`, role };
};

afterEach(() => {
  expect(Object.prototype).not.toHaveProperty("points");
  expect(Object.prototype).not.toHaveProperty("comment");
});

describe("form actions called with something other than FormData", () => {
  const actions = { saveGradeAction, changeRoleAction, printedNameAction, revokeAction, reinstateAction } as Record<string, (state: null, form: unknown) => Promise<unknown>>;
  for (const [name, action] of Object.entries(actions)) {
    it(`${name} answers a zh-CN refusal, never throws`, async () => {
      as("admin");
      for (const wrong of ["attemptId=1", { attemptId: "1" }, undefined, null, 7, [["attemptId", "1"]]]) {
        await expect(action(null, wrong)).resolves.toEqual({ ok: false, message: expect.stringContaining(NOT_A_FORM) });
      }
    });
  }
});

describe("saveGradeAction", () => {
  const base: [string, string][] = [["attemptId", "nosuchattempt"], ["version", "0"], ["intent", "draft"]];

  it("refuses a score for `__proto__` as an unknown item, and Object.prototype stays clean", async () => {
    as("trainer");
    const result = await saveGradeAction(null, form([...base, ["points:__proto__", "5"], ["comment:__proto__", "x"], ["__proto__", "x"]]));
    expect(result).toEqual({ ok: false, message: "未保存：评分项无效" });
    expect(({} as { points?: unknown }).points).toBeUndefined();
  });

  it("says a 5,001-character comment is too long", async () => {
    as("trainer");
    const result = await saveGradeAction(null, form([...base, ["comment", "评".repeat(5001)], ["points:p2:q1", "abc"]]));
    expect(result).toEqual({ ok: false, message: "未保存：总评不能超过 5000 字" });
  });

  it("refuses learners before reading the form", async () => {
    as("learner");
    expect(await saveGradeAction(null, form([...base, ["points:__proto__", "5"]]))).toEqual({ ok: false, message: "只有讲师、管理员和有批阅权限的部门负责人可以批阅。" });
  });
});
