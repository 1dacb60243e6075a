import { describe, expect, it } from "vitest";
import { statementValidator } from "@/tests/support/xapi-schema";
import {
  actorFor,
  assessmentReleased,
  assessmentStarted,
  assessmentSubmitted,
  attemptRegistration,
  certificateIssued,
  certificateRevoked,
  isoDuration,
  lessonCompleted,
  quizCompleted,
  withActor,
} from "@/lib/xapi/statements";

const validate = statementValidator();
const origin = "https://train.example.com";
const at = new Date("2026-12-03T08:00:00.000Z");
const learner = { name: "李学员", email: "li@example.com", employeeId: "E1001" };
const attempt = { id: "cmattempt1", number: 2 };
const department = { id: "dep1", name: "北京一组" };
const byEmail = { actor: "email" as const, homePage: "" };
const byEmployee = { actor: "employeeId" as const, homePage: "https://hr.example.com" };

const all = () => [
  lessonCompleted(origin, { key: "platform-basics/jd-overview", moduleSlug: "platform-basics", title: "认识京东" }, at),
  quizCompleted(origin, { moduleSlug: "platform-basics", score: 87.5 }, at),
  assessmentStarted(origin, attempt, at),
  assessmentSubmitted(origin, { ...attempt, startedAt: new Date(at.getTime() - 3_723_450), autoSubmitted: false }, at),
  ...assessmentReleased(origin, { ...attempt, finalScore: 91.25, passed: true }, at),
  ...assessmentReleased(origin, { ...attempt, finalScore: 60, passed: false }, at),
  certificateIssued(origin, { code: "ABCD-EFGH", attempt }, at),
  certificateRevoked("6f1c7a52-5d0e-4a37-9a43-5b8f3c3a9d10", at),
];

describe("xAPI statements", () => {
  it("are valid xAPI 1.0.3 statements for every event, by email and by employee id, with a department", () => {
    for (const statement of all()) {
      for (const [setting, dept] of [[byEmail, null], [byEmployee, department]] as const) {
        const sent = withActor(statement, actorFor(learner, setting), dept, origin);
        expect(validate(sent), `${statement.verb.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
      }
    }
  });

  it("uses the ADL verbs of decision 042, in order", () => {
    expect(all().map((s) => s.verb.id.split("/").at(-1))).toEqual(["completed", "completed", "attempted", "completed", "scored", "passed", "scored", "failed", "earned", "voided"]);
  });

  it("gives every statement of one attempt the same registration, a UUID, and another attempt another", () => {
    const registrations = all().slice(2, 9).map((s) => s.context?.registration);
    expect(new Set(registrations)).toEqual(new Set([attemptRegistration(attempt.id)]));
    expect(attemptRegistration(attempt.id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(attemptRegistration("cmattempt2")).not.toBe(attemptRegistration(attempt.id));
  });

  it("fixes a fresh id per statement, the course as grouping, the score scaled", () => {
    const statements = all();
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
    expect(statements[0].context?.contextActivities).toEqual({
      parent: [{ objectType: "Activity", id: `${origin}/modules/platform-basics`, definition: { type: "http://adlnet.gov/expapi/activities/module" } }],
      grouping: [{ objectType: "Activity", id: `${origin}/`, definition: { type: "http://adlnet.gov/expapi/activities/course", name: { "zh-CN": "京东运营线上培训" } } }],
    });
    expect(statements[1].result).toEqual({ completion: true, score: { scaled: 0.875, raw: 87.5, min: 0, max: 100 } });
    expect(statements[3].result?.duration).toBe("PT1H2M3.45S");
  });

  it("names the actor by email, or by employee id when set and the learner has one", () => {
    expect(actorFor(learner, byEmail)).toEqual({ objectType: "Agent", name: "李学员", mbox: "mailto:li@example.com" });
    expect(actorFor(learner, byEmployee)).toEqual({ objectType: "Agent", name: "李学员", account: { homePage: "https://hr.example.com", name: "E1001" } });
    expect(actorFor({ ...learner, employeeId: null }, byEmployee)).toEqual({ objectType: "Agent", name: "李学员", mbox: "mailto:li@example.com" });
  });

  it("writes xAPI durations", () => {
    expect([0, 999, 61_000, 3_600_000].map(isoDuration)).toEqual(["PT0S", "PT1S", "PT1M1S", "PT1H0S"]);
  });
});

describe("the statement schema", () => {
  const good = () => withActor(all()[1], actorFor(learner, byEmail), null, origin) as Record<string, unknown>;

  it("refuses what xAPI 1.0.3 refuses", () => {
    expect(validate(good())).toBe(true);
    const bad: Record<string, unknown>[] = [
      { ...good(), actor: { objectType: "Agent", name: "x" } }, // no identifier
      { ...good(), actor: { mbox: "mailto:a@b.c", account: { homePage: "https://h", name: "1" } } }, // two
      { ...good(), actor: { mbox: "a@b.c" } }, // not a mailto IRI
      { ...good(), id: "not-a-uuid" },
      { ...good(), verb: { id: "completed" } }, // not an IRI
      { ...good(), result: { score: { scaled: 1.5 } } },
      { ...good(), result: { duration: "90 minutes" } },
      { ...good(), context: { registration: "abc" } },
      { ...good(), context: { language: "zh CN" } },
      { ...good(), timestamp: "yesterday" },
      { ...good(), colour: "red" },
      { ...good(), verb: { id: "http://adlnet.gov/expapi/verbs/voided" } }, // voiding an activity
    ];
    for (const statement of bad) expect(validate(statement), JSON.stringify(statement)).toBe(false);
  });
});
