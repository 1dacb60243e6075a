import { describe, expect, it } from "vitest";
import { retryDelayMs, webhookError, webhookPayload } from "@/lib/outbox/rules";

describe("outbox rules", () => {
  it("waits 1 min after the first failure, doubling, capped at 1 h", () => {
    expect([1, 2, 3, 6, 7, 8, 20].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 2, 4, 32, 60, 60, 60]);
  });

  it("builds each robot's text message", () => {
    expect(webhookPayload("wecom", "你好")).toEqual({ msgtype: "text", text: { content: "你好" } });
    expect(webhookPayload("dingtalk", "你好")).toEqual({ msgtype: "text", text: { content: "你好" } });
    expect(webhookPayload("feishu", "你好")).toEqual({ msg_type: "text", content: { text: "你好" } });
  });

  it("treats a non-2xx answer or a non-zero errcode / code as a failure", () => {
    expect(webhookError(200, '{"errcode":0,"errmsg":"ok"}')).toBeNull();
    expect(webhookError(200, '{"code":0,"msg":"success"}')).toBeNull();
    expect(webhookError(204, "")).toBeNull();
    expect(webhookError(200, '{"errcode":93000,"errmsg":"invalid webhook url"}')).toBe("errcode 93000：invalid webhook url");
    expect(webhookError(200, '{"code":19021,"msg":"sign match fail"}')).toBe("code 19021：sign match fail");
    expect(webhookError(502, "bad gateway")).toBe("HTTP 502：bad gateway");
  });
});
