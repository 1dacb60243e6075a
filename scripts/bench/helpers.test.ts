import { describe, expect, it } from "vitest";
import { actionResult, routerStateTree } from "./actions";
import { Goals, ratio } from "./goals";
import { Tab } from "./http";
import { replaceSection } from "./report";
import { percentile } from "./stats";

describe("routerStateTree", () => {
  it("matches what Chromium sent from a lesson page of this build", () => {
    const captured =
      "%5B%22%22%2C%7B%22children%22%3A%5B%22modules%22%2C%7B%22children%22%3A%5B%5B%22moduleSlug%22%2C%22platform-basics%22%2C%22d%22%2Cnull%5D%2C%7B%22children%22%3A%5B%5B%22lessonSlug%22%2C%22users-and-traffic%22%2C%22d%22%2Cnull%5D%2C%7B%22children%22%3A%5B%22__PAGE__%22%2C%7B%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2Cnull%2C16%5D";
    expect(routerStateTree(["modules", ["moduleSlug", "platform-basics"], ["lessonSlug", "users-and-traffic"]])).toBe(captured);
  });
});

describe("actionResult", () => {
  it("reads the row the action result points to", () => {
    const flight = '0:{"a":"$@1","q":"","i":false,"t":{"t":{"s":""}}}\n1:{"ok":true}\n2:"$Sreact.fragment"\n';
    expect(actionResult(flight)).toEqual({ ok: true });
    expect(actionResult('0:{"a":"$@a","q":""}\na:{"ok":false,"message":"保存失败"}\n')).toEqual({ ok: false, message: "保存失败" });
  });

  it("is undefined without an action result", () => {
    expect(actionResult('1:"$Sreact.fragment"\n')).toBeUndefined();
  });
});

describe("replaceSection", () => {
  const doc = "# Benchmarks\n\nProse.\n";

  it("appends a database's section under a heading the first time", () => {
    expect(replaceSection(doc, "sqlite", "Results: SQLite", "one")).toBe(
      "# Benchmarks\n\nProse.\n\n## Results: SQLite\n\n<!-- bench:sqlite:start -->\none\n<!-- bench:sqlite:end -->\n",
    );
  });

  it("replaces only that database's section afterwards", () => {
    const both = replaceSection(replaceSection(doc, "sqlite", "Results: SQLite", "one"), "postgresql", "Results: PostgreSQL", "pg");
    const again = replaceSection(both, "sqlite", "Results: SQLite", "two");
    expect(again).toContain("<!-- bench:sqlite:start -->\ntwo\n<!-- bench:sqlite:end -->");
    expect(again).toContain("<!-- bench:postgresql:start -->\npg\n<!-- bench:postgresql:end -->");
    expect(again).not.toContain("one");
    expect(again.match(/## Results: SQLite/g)).toHaveLength(1);
  });
});

describe("percentile", () => {
  it("is the nearest-rank value", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("Tab's cookie jar", () => {
  it("sends the sign-in cookie, then what the server set, until it expires or is cleared", () => {
    const tab = new Tab("better-auth.session_token=abc.sig");
    const now = 1_000_000;
    tab.remember(["better-auth.session_data=xyz; Max-Age=300; Path=/; HttpOnly; SameSite=Lax"], now);
    expect(tab.cookieHeader(now)).toBe("better-auth.session_token=abc.sig; better-auth.session_data=xyz");
    expect(tab.cookieHeader(now + 301_000)).toBe("better-auth.session_token=abc.sig");
    tab.remember(["better-auth.session_data=; Max-Age=0; Path=/"], now);
    expect(tab.cookieHeader(now)).toBe("better-auth.session_token=abc.sig");
    tab.remember(["better-auth.session_token=new.sig; Path=/; Expires=Thu, 01 Jan 2099 00:00:00 GMT"], now);
    expect(tab.cookieHeader(now)).toBe("better-auth.session_token=new.sig");
    tab.close();
  });
});

describe("Goals", () => {
  it("writes one row per figure beside its goal, and nothing when no figure was recorded", () => {
    const goals = new Goals();
    expect(goals.table()).toBe("");
    goals.add({ figure: "whole lesson view vs static file", measured: ratio(60, 120), goal: "≥ 0.5", met: true });
    goals.add({ figure: "autosave p99", measured: "420 ms", goal: "≤ 300 ms", met: false });
    const lines = goals.table().split("\n");
    expect(lines).toContain("| whole lesson view vs static file | 0.50 | ≥ 0.5 | yes |");
    expect(lines).toContain("| autosave p99 | 420 ms | ≤ 300 ms | **no** |");
    expect(ratio(1, 0)).toBe("–");
  });
});
