import { describe, expect, it } from "vitest";
import { rampUntilMiss, sustainedRate } from "./capacity-steps";

const GOAL = 1000;
const step = (rate: number, p99: number, errors = 0) => ({ rate, p99, errors });

describe("sustainedRate", () => {
  it("is the highest rate before the first step that misses", () => {
    expect(sustainedRate([step(50, 20), step(100, 40), step(150, 1001)], GOAL)).toBe(100);
  });

  it("counts a p99 of exactly the goal as held and any error as a miss", () => {
    expect(sustainedRate([step(50, 1000), step(100, 30, 1)], GOAL)).toBe(50);
  });

  it("ignores a held step after a missed one", () => {
    expect(sustainedRate([step(50, 20), step(100, 5000), step(150, 20)], GOAL)).toBe(50);
  });

  it("is undefined when the first step misses", () => {
    expect(sustainedRate([step(50, 1200)], GOAL)).toBeUndefined();
    expect(sustainedRate([], GOAL)).toBeUndefined();
  });
});

describe("rampUntilMiss", () => {
  it("measures rising rates and stops after the first miss", async () => {
    const measured: number[] = [];
    const steps = await rampUntilMiss([50, 100, 150, 200], GOAL, async (rate) => {
      measured.push(rate);
      return step(rate, rate >= 150 ? 2000 : 10);
    });
    expect(measured).toEqual([50, 100, 150]);
    expect(sustainedRate(steps, GOAL)).toBe(100);
  });

  it("runs every rate when all hold", async () => {
    const steps = await rampUntilMiss([50, 100], GOAL, async (rate) => step(rate, 10));
    expect(steps.map((s) => s.rate)).toEqual([50, 100]);
  });
});
