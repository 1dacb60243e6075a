import { beforeAll, describe, expect, it } from "vitest";
import { submitWithChoicesRight } from "./support/answers";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db";
import { loadAttempt } from "@/lib/assessment/attempts";
import { readAssessment, type AssessmentContent } from "@/lib/content/banks";
import { rubricItems, type Scores } from "@/lib/assessment/scoring";
import { releaseGrades, saveGrade } from "@/lib/grading/queries";
import { printedNameField } from "@/lib/certificates/schema";
import { VERIFY_LIMIT_PER_MINUTE, allowVerifyLookup, getByCode, getForAttempt, markDownloaded, reinstateCertificate, revokeCertificate, setPrintedName } from "@/lib/certificates/queries";

let content: AssessmentContent;
let trainer: string;
let n = 0;

beforeAll(async () => {
  content = readAssessment().content!;
  trainer = (await auth.api.signUpEmail({ body: { name: "讲师", email: "cert-grader@example.com", password: "password123" } })).user.id;
});

/** A submitted attempt with every part-1 and part-2 choice right: the grader's points decide the rest. */
async function submittedAttempt(accountName?: string) {
  const { user } = await auth.api.signUpEmail({ body: { name: `证书学员${n}`, email: `cert${n++}@example.com`, password: "password123" } });
  // A name stored before names were checked on the server (the hooks refuse it now).
  if (accountName !== undefined) await db.user.update({ where: { id: user.id }, data: { name: accountName } });
  const attempt = await submitWithChoicesRight(user.id, content);
  return { userId: user.id, attempt: (await loadAttempt(user.id, attempt.id))! };
}

type Attempt = Awaited<ReturnType<typeof submittedAttempt>>["attempt"];
const marks = (attempt: Attempt, share: number): Scores =>
  Object.fromEntries(rubricItems(attempt.paper).map((i) => [i.key, { points: Math.floor(i.max * share), comment: "" }]));

async function grade(attempt: Attempt, version: number, share: number) {
  const saved = await saveGrade(trainer, { attemptId: attempt.id, version, intent: "finalise", comment: "", scores: marks(attempt, share) }, content.config);
  if (!saved.ok) throw new Error(saved.reason);
  return (await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).finalScore!;
}

describe("certificates", () => {
  it("are issued at release for 90+, not before, with the account name and a 16-character code", async () => {
    const { userId, attempt } = await submittedAttempt();
    expect(await grade(attempt, 0, 1)).toBe(100);
    expect(await db.certificate.count({ where: { attemptId: attempt.id } })).toBe(0); // held grade: nothing yet
    await releaseGrades(trainer, { attemptId: attempt.id });
    const cert = await db.certificate.findUniqueOrThrow({ where: { attemptId: attempt.id } });
    expect(cert).toMatchObject({ userId, printedName: expect.stringMatching(/^证书学员/), courseName: "京东运营线上培训", finalScore: 100, revokedAt: null });
    expect(cert.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect((await getByCode(cert.code.toLowerCase().replace(/(.{4})(?!$)/g, "$1-")))?.id).toBe(cert.id);
  });

  it("are not issued for a pass below 90", async () => {
    const { attempt } = await submittedAttempt();
    const score = await grade(attempt, 0, 0.6);
    expect(score).toBeLessThan(90);
    await releaseGrades(trainer, { attemptId: attempt.id });
    expect(await db.certificate.count({ where: { attemptId: attempt.id } })).toBe(0);
  });

  it("are revoked by a regrade below 90 and the same one comes back on a regrade to 90+", async () => {
    const { attempt } = await submittedAttempt();
    await grade(attempt, 0, 1);
    await releaseGrades(trainer, { attemptId: attempt.id });
    const issued = await db.certificate.findUniqueOrThrow({ where: { attemptId: attempt.id } });
    expect(await grade(attempt, 1, 0.5)).toBeLessThan(90);
    const revoked = await db.certificate.findUniqueOrThrow({ where: { attemptId: attempt.id } });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(revoked.code).toBe(issued.code);
    await grade(attempt, 2, 1);
    const back = await db.certificate.findMany({ where: { attemptId: attempt.id } });
    expect(back).toHaveLength(1);
    expect(back[0]).toMatchObject({ id: issued.id, code: issued.code, revokedAt: null, revokeReason: null });
  });

  it("revoked by an administrator stay revoked on a regrade; re-issue keeps the code", async () => {
    const { attempt } = await submittedAttempt();
    await grade(attempt, 0, 1);
    await releaseGrades(trainer, { attemptId: attempt.id });
    const cert = await db.certificate.findUniqueOrThrow({ where: { attemptId: attempt.id } });
    expect(await revokeCertificate(cert.id, "身份核验未通过")).toBe(true);
    await grade(attempt, 1, 1);
    expect((await db.certificate.findUniqueOrThrow({ where: { id: cert.id } })).revokeReason).toBe("身份核验未通过");
    expect(await reinstateCertificate(cert.id, content.config)).toEqual({ ok: true });
    expect(await db.certificate.findUniqueOrThrow({ where: { id: cert.id } })).toMatchObject({ code: cert.code, revokedAt: null });
  });

  it("print the account name through the printed-name schema: cleaned, or left for the learner to type", async () => {
    const legacy = await submittedAttempt("  王\u202e小丫2号\u0007 ");
    await grade(legacy.attempt, 0, 1);
    await releaseGrades(trainer, { attemptId: legacy.attempt.id });
    expect((await getForAttempt(legacy.userId, legacy.attempt.id))?.printedName).toBe("王 小丫 号");

    const digits = await submittedAttempt("007");
    await grade(digits.attempt, 0, 1);
    await releaseGrades(trainer, { attemptId: digits.attempt.id });
    expect((await db.certificate.findUniqueOrThrow({ where: { attemptId: digits.attempt.id } })).printedName).toBe("");
    expect((await getForAttempt(digits.userId, digits.attempt.id))?.printedName).toBeNull();
    expect(await setPrintedName(digits.userId, digits.attempt.id, printedNameField.parse("詹姆斯·邦德"))).toBe(true);
    expect((await getForAttempt(digits.userId, digits.attempt.id))?.printedName).toBe("詹姆斯·邦德");
  });

  it("let the owner edit the printed name until the first download, then lock it", async () => {
    const { userId, attempt } = await submittedAttempt();
    await grade(attempt, 0, 1);
    await releaseGrades(trainer, { attemptId: attempt.id });
    expect(await setPrintedName(trainer, attempt.id, printedNameField.parse("冒名"))).toBe(false);
    expect(await setPrintedName(userId, attempt.id, printedNameField.parse("王小丫"))).toBe(true);
    const cert = await db.certificate.findUniqueOrThrow({ where: { attemptId: attempt.id } });
    expect(cert.printedName).toBe("王小丫");
    await markDownloaded(cert.id);
    expect(await setPrintedName(userId, attempt.id, printedNameField.parse("改名"))).toBe(false);
    expect((await db.certificate.findUniqueOrThrow({ where: { id: cert.id } })).printedName).toBe("王小丫");
  });

  it("never verify random or altered codes", async () => {
    const { attempt } = await submittedAttempt();
    await grade(attempt, 0, 1);
    await releaseGrades(trainer, { attemptId: attempt.id });
    const { code } = await db.certificate.findUniqueOrThrow({ where: { attemptId: attempt.id } });
    const altered = (code[0] === "0" ? "1" : "0") + code.slice(1);
    expect(await getByCode(altered)).toBeNull();
    expect(await getByCode(code.slice(0, 15))).toBeNull();
    expect(await getByCode("%")).toBeNull();
  });

  it("rate-limit verification lookups per address in the database", async () => {
    const now = Date.now();
    for (let i = 0; i < VERIFY_LIMIT_PER_MINUTE; i++) expect(await allowVerifyLookup("203.0.113.9", now)).toBe(true);
    expect(await allowVerifyLookup("203.0.113.9", now + 1000)).toBe(false);
    expect(await allowVerifyLookup("198.51.100.1", now)).toBe(true); // another address is not affected
    expect(await allowVerifyLookup("203.0.113.9", now + 61_000)).toBe(true); // next minute
  });
});
