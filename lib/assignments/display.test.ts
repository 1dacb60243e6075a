import { describe, expect, it } from "vitest";
import { readCourse } from "@/lib/content/load";
import { continueHref, formatBeijingDay, scopeText, timeLeftText } from "@/lib/assignments/display";
import { endOfBeijingDay, startOfBeijingDay } from "@/lib/assignments/status";

const { course } = readCourse();
const [m1, m2] = course.modules;
const dates = { startsAt: startOfBeijingDay("2026-12-01"), dueAt: endOfBeijingDay("2026-12-10") };

describe("how a 学习任务 reads", () => {
  it("dates are Beijing days, with the year only when it is not this year", () => {
    const now = new Date("2026-12-05T04:00:00Z");
    expect(formatBeijingDay(dates.dueAt, now)).toBe("12月10日");
    // 16:30 UTC on 31 Dec is already 1 January in Beijing.
    expect(formatBeijingDay(new Date("2026-12-31T16:30:00Z"), now)).toBe("2027年1月1日");
  });

  it("days left count Beijing calendar days: 还剩 / 今天截止 / 已逾期; upcoming says when it opens", () => {
    const at = (iso: string) => new Date(iso);
    expect(timeLeftText(dates, { status: "not_started" }, at("2026-12-07T15:59:00Z"))).toBe("还剩 3 天"); // 23:59 on the 7th in Beijing
    expect(timeLeftText(dates, { status: "in_progress" }, at("2026-12-09T16:00:00Z"))).toBe("今天截止"); // 00:00 on the 10th
    expect(timeLeftText(dates, { status: "overdue" }, at("2026-12-12T02:00:00Z"))).toBe("已逾期 2 天");
    expect(timeLeftText(dates, { status: "upcoming" }, at("2026-11-20T02:00:00Z"))).toBe("12月1日开放");
    expect(timeLeftText(dates, { status: "completed" }, at("2026-12-12T02:00:00Z"))).toBeNull();
  });

  it("names what it covers", () => {
    expect(scopeText({ scope: "course", moduleSlugs: [] }, course)).toBe("整门课程");
    expect(scopeText({ scope: "assessment", moduleSlugs: [] }, course)).toBe("结业考核");
    expect(scopeText({ scope: "modules", moduleSlugs: [m2.slug, m1.slug] }, course)).toBe(`指定模块：模块 ${m1.order} · ${m1.title}、模块 ${m2.order} · ${m2.title}`);
  });

  it("continues at the first unread lesson, then the first quiz not submitted, then the 结业考核", () => {
    const modules = { scope: "modules" as const, moduleSlugs: [m2.slug] };
    expect(continueHref(modules, course, new Set(), new Set(), false)).toBe(`/modules/${m2.slug}/${m2.lessons[0].slug}`);
    const m2Read = new Set(m2.lessons.map((l) => l.key));
    expect(continueHref(modules, course, m2Read, new Set([m1.slug]), false)).toBe(`/modules/${m2.slug}/quiz`);
    expect(continueHref(modules, course, m2Read, new Set([m2.slug]), false)).toBeNull();
    expect(continueHref({ scope: "assessment", moduleSlugs: [] }, course, new Set(), new Set(), false)).toBe("/assessment");
    expect(continueHref({ scope: "assessment", moduleSlugs: [] }, course, new Set(), new Set(), true)).toBeNull();
    const allRead = new Set(course.modules.flatMap((m) => m.lessons.map((l) => l.key)));
    expect(continueHref({ scope: "course", moduleSlugs: [] }, course, allRead, new Set(course.modules.map((m) => m.slug)), false)).toBe("/assessment");
  });
});
