import { describe, expect, it } from "vitest";
import { verdictState } from "./verdict";

describe("verdictState", () => {
  it("names each outcome in the words the page promises", () => {
    const issuedAt = new Date("2026-11-25T02:30:00Z");
    expect(verdictState({ kind: "valid", code: "ABCDEFGHJKMNPQRS", printedName: "欧阳晓明", issuedAt })).toEqual({
      ok: true, kind: "valid", title: expect.stringMatching(/^✓ 有效/),
      lines: ["京东认证运营专家证书", "持证人：欧阳晓明", "发证日期：2026年11月25日", "证书编号：ABCD-EFGH-JKMN-PQRS"],
    });
    expect(verdictState({ kind: "valid", code: "ABCDEFGHJKMNPQRS", printedName: null, issuedAt })).toMatchObject({ lines: expect.arrayContaining(["持证人：（持证人尚未确认姓名）"]) });
    expect(verdictState({ kind: "revoked", code: "ABCDEFGHJKMNPQRS", revokedAt: new Date("2026-12-01T12:00:00Z") })).toMatchObject({ title: expect.stringMatching(/^✗ 已撤销/), lines: ["撤销日期：2026年12月1日", "证书编号：ABCD-EFGH-JKMN-PQRS"] });
    expect(verdictState({ kind: "bad-signature" })).toMatchObject({ title: expect.stringMatching(/^✗ 签名无效/) });
    expect(verdictState({ kind: "foreign", issuer: "https://x.example/issuer" })).toMatchObject({ title: "✗ 不是本机构签发", lines: expect.arrayContaining(["签发方：https://x.example/issuer"]) });
    expect(verdictState({ kind: "expired" })).toMatchObject({ title: expect.stringMatching(/^✗ 已过期/) });
    expect(verdictState({ kind: "unreadable" })).toMatchObject({ title: expect.stringMatching(/^无法识别/) });
  });
});
