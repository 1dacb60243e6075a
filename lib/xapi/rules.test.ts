import { describe, expect, it } from "vitest";
import { batchOutcome, pickBatch, putDelivered, retryDelayMs } from "@/lib/xapi/rules";

const now = new Date("2026-12-03T08:00:00Z");
const due = new Date(now.getTime() - 1);
const later = new Date(now.getTime() + 60_000);

describe("xAPI sender rules", () => {
  it("keeps each learner's order: nothing after a statement that waits for a retry", () => {
    const queued = [
      { seq: 1, userId: "a", nextAttemptAt: due },
      { seq: 2, userId: "b", nextAttemptAt: later },
      { seq: 3, userId: "a", nextAttemptAt: due },
      { seq: 4, userId: "b", nextAttemptAt: due },
      { seq: 5, userId: "c", nextAttemptAt: due },
    ];
    expect(pickBatch(queued, now).map((r) => r.seq)).toEqual([1, 3, 5]);
    expect(pickBatch(queued, now, 2).map((r) => r.seq)).toEqual([1, 3]);
  });

  it("retries after 10 s, doubling, at most an hour, never giving up", () => {
    expect([1, 2, 3, 9, 10, 100].map((n) => retryDelayMs(n) / 1000)).toEqual([10, 20, 40, 2560, 3600, 3600]);
  });

  it("reads the LRS's answers", () => {
    expect([200, 204, 409, 400, 401, 500, 503].map(batchOutcome)).toEqual(["delivered", "delivered", "one-by-one", "one-by-one", "retry", "retry", "retry"]);
    expect([204, 409, 400, 500].map(putDelivered)).toEqual([true, true, false, false]);
  });
});
