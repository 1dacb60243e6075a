import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const sweepExpiredAttempts = vi.fn(async () => 0);
vi.mock("@/lib/assessment/attempts", () => ({ sweepExpiredAttempts }));
const { startAttemptSweep } = await import("./sweep");

describe("startAttemptSweep", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    sweepExpiredAttempts.mockClear();
  });
  afterEach(() => {
    vi.clearAllTimers();
    vi.useRealTimers();
  });

  it("sweeps soon after start, then once a minute", () => {
    expect(startAttemptSweep({})).toBe(true);
    vi.advanceTimersByTime(5_000);
    expect(sweepExpiredAttempts).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    expect(sweepExpiredAttempts).toHaveBeenCalledTimes(2);
  });

  it("does not sweep in a cluster worker told ATTEMPT_SWEEP=off", () => {
    expect(startAttemptSweep({ ATTEMPT_SWEEP: "off" })).toBe(false);
    vi.advanceTimersByTime(125_000);
    expect(sweepExpiredAttempts).not.toHaveBeenCalled();
  });
});
