import { describe, expect, it } from "vitest";
import { authErrorMessage, fieldErrors, INVALID_NAME, personNameSchema, signInSchema, signUpSchema } from "@/lib/auth/schema";

describe("auth form schemas", () => {
  it("explains empty sign-in fields in Chinese", () => {
    const result = signInSchema.safeParse({ email: "", password: "" });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({ email: "请输入邮箱", password: "请输入密码" });
  });

  it("rejects a malformed email, a short password and a mismatched confirmation", () => {
    const result = signUpSchema.safeParse({ name: "小京", email: "not-an-email", password: "short", confirm: "other" });
    const errors = fieldErrors(result.error!);
    expect(errors.email).toBe("邮箱格式不正确");
    expect(errors.password).toBe("密码至少 8 位");
  });

  it("flags a confirmation that differs from the password", () => {
    const result = signUpSchema.safeParse({ name: "小京", email: "a@b.cn", password: "12345678", confirm: "12345679" });
    expect(fieldErrors(result.error!)).toEqual({ confirm: "两次输入的密码不一致" });
  });

  it("accepts valid input and trims the email", () => {
    const result = signUpSchema.parse({ name: " 小京 ", email: " a@b.cn ", password: "12345678", confirm: "12345678" });
    expect(result).toMatchObject({ name: "小京", email: "a@b.cn" });
  });

  it("takes a person's name trimmed, NFC, with runs of spaces collapsed", () => {
    expect(personNameSchema.parse("  欧阳\u3000 晓明 ")).toBe("欧阳 晓明");
    expect(personNameSchema.parse("Jose\u0301")).toBe("Jos\u00e9");
    expect(personNameSchema.parse("阿卜杜·热合曼")).toBe("阿卜杜·热合曼");
  });

  it("counts a name's length in characters (code points), up to 50", () => {
    expect(personNameSchema.safeParse("𠀀".repeat(50)).success).toBe(true);
    expect(personNameSchema.safeParse("名".repeat(51)).error?.issues[0]?.message).toBe("姓名不能超过 50 个字");
    expect(personNameSchema.safeParse("   ").error?.issues[0]?.message).toBe("请输入姓名");
  });

  it("refuses control, format and bidi characters", () => {
    for (const c of ["\n", "\t", "\u0000", "\u007f", "\u200b", "\u200d", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\u2028", "\ufeff", "\ud800"]) {
      expect(personNameSchema.safeParse(`张${c}三`).error?.issues[0]?.message, JSON.stringify(c)).toContain("不可见");
    }
  });

  it("maps library errors to Chinese messages", () => {
    expect(authErrorMessage({ status: 429 })).toContain("尝试次数过多");
    expect(authErrorMessage({ code: "INVALID_EMAIL_OR_PASSWORD", status: 401 })).toBe("邮箱或密码不正确。");
    expect(authErrorMessage({ code: "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL", status: 422 })).toContain("已注册");
    expect(authErrorMessage({ status: 500 })).toContain("稍后重试");
    expect(authErrorMessage({ code: "ACCOUNT_DEACTIVATED", status: 403 })).toBe("账号已停用，请联系管理员");
    expect(authErrorMessage({ code: "INVALID_PASSWORD", status: 400 })).toBe("当前密码不正确。");
    expect(authErrorMessage({ code: INVALID_NAME, status: 400, message: "请输入姓名" })).toBe("请输入姓名");
  });
});
