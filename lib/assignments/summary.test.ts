import { describe, expect, it } from "vitest";
import type { AssignmentState, AssignmentStatus } from "@/lib/assignments/status";
import { learnerTasks, tasksByLearner } from "@/lib/assignments/summary";

const state = (status: AssignmentStatus, done = 0): AssignmentState => ({ status, done, total: 5, completedAt: null, late: false });

describe("learnerTasks", () => {
  it("is null when nothing is assigned", () => {
    expect(learnerTasks([])).toBeNull();
  });
  it("shows the most urgent status: overdue beats everything, completed only when all are", () => {
    expect(learnerTasks([state("completed", 5), state("overdue", 2)])).toMatchObject({ status: "overdue", assigned: 2, overdue: 1, completed: 1, started: true });
    expect(learnerTasks([state("completed", 5), state("not_started")])?.status).toBe("not_started");
    expect(learnerTasks([state("upcoming"), state("in_progress", 1)])?.status).toBe("in_progress");
    expect(learnerTasks([state("completed", 5), state("completed", 5)])?.status).toBe("completed");
    expect(learnerTasks([state("upcoming")])).toMatchObject({ status: "upcoming", started: false });
  });
  it("counts an overdue pair with work done as started, an untouched one as not", () => {
    expect(learnerTasks([state("overdue", 1)])?.started).toBe(true);
    expect(learnerTasks([state("overdue", 0)])?.started).toBe(false);
  });
  it("groups pairs by learner", () => {
    const map = tasksByLearner([{ userId: "a", state: state("overdue") }, { userId: "b", state: state("completed", 5) }, { userId: "a", state: state("completed", 5) }]);
    expect([...map.keys()]).toEqual(["a", "b"]);
    expect(map.get("a")).toMatchObject({ status: "overdue", assigned: 2 });
  });
});
