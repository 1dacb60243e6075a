import { describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { TOPIC_IDS } from "@/lib/content/topics";

const course = loadCourse();
const moduleTopics = course.modules.flatMap((m) => m.lessons.flatMap((l) => l.topics));
const wrapUpTopics = course.wrapUp.flatMap((l) => l.topics);

describe("topic coverage of the real course", () => {
  it("teaches T01–T49 each in exactly one module lesson", () => {
    const expected = TOPIC_IDS.filter((t) => t <= "T49");
    expect([...moduleTopics].sort()).toEqual(expected);
  });

  it("puts T50–T51 in the wrap-up pages", () => {
    expect([...wrapUpTopics].sort()).toEqual(["T50", "T51"]);
  });

  it("places every lesson in the module the outline gives (T36 in module 3, T43 in module 5, T47 in module 6)", () => {
    const moduleOf = (topic: string) => course.modules.find((m) => m.lessons.some((l) => l.topics.includes(topic)))?.order;
    expect(moduleOf("T36")).toBe(3);
    expect(moduleOf("T43")).toBe(5);
    expect(moduleOf("T47")).toBe(6);
    expect(moduleOf("T44")).toBe(7);
  });
});
