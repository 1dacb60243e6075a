import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { loadAssessment } from "@/lib/content/banks";
import type { AssessmentConfig } from "@/lib/content/question-schema";
import { COURSE_NAME, certificateAction, newCertificateCode, normalizeCode } from "@/lib/certificates/rules";
import { printableName, type PrintedName } from "@/lib/certificates/schema";
import { allowRequest } from "@/lib/security/rate-limit";
import { queueCertificateEvent } from "@/lib/xapi/enqueue";

export type CertificateRecord = {
  id: string;
  code: string;
  userId: string;
  attemptId: string;
  /** Through printedNameField on the way out, whatever is stored; null: the learner must type it. */
  printedName: PrintedName | null;
  courseName: string;
  finalScore: number;
  issuedAt: Date;
  nameConfirmedAt: Date | null;
  firstDownloadAt: Date | null;
  revokedAt: Date | null;
  revokeReason: string | null;
};

type CertificateRow = Omit<CertificateRecord, "printedName"> & { printedName: string };
const record = <T extends CertificateRow>(row: T) => ({ ...row, printedName: row.printedName ? printableName(row.printedName) : null });

const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

/**
 * Brings the attempt's certificate in line with its released grade (see certificateAction).
 * Called after a release and after a finalising regrade of a released attempt; idempotent.
 */
export async function syncCertificateForAttempt(attemptId: string, config: AssessmentConfig = loadAssessment().config): Promise<void> {
  for (let tries = 0; tries < 3; tries++) {
    const attempt = await db.assessmentAttempt.findUnique({
      where: { id: attemptId },
      select: { status: true, finalScore: true, userId: true, user: { select: { name: true } }, certificate: true },
    });
    if (!attempt) return;
    const action = certificateAction(attempt, attempt.certificate, config);
    const id = attempt.certificate?.id;
    try {
      switch (action.kind) {
        case "none":
          return;
        case "issue":
          // attemptId is unique: a concurrent sync loses here and re-reads instead of issuing twice.
          await db.$transaction(async (tx) => {
            const created = await tx.certificate.create({
              // The account name as the certificate prints it; "" when none of it is printable.
              data: { code: newCertificateCode(), userId: attempt.userId, attemptId, printedName: printableName(attempt.user.name) ?? "", courseName: COURSE_NAME, finalScore: action.finalScore },
            });
            await queueCertificateEvent(tx, created, "issued");
          });
          return;
        case "update":
          await db.certificate.update({ where: { id }, data: { finalScore: action.finalScore } });
          return;
        case "revoke":
          await db.$transaction(async (tx) => {
            await queueCertificateEvent(tx, await tx.certificate.update({ where: { id }, data: { revokedAt: new Date(), revokeReason: action.reason } }), "revoked");
          });
          return;
        case "reactivate":
          await db.$transaction(async (tx) => {
            await queueCertificateEvent(tx, await tx.certificate.update({ where: { id }, data: { revokedAt: null, revokeReason: null, finalScore: action.finalScore } }), "issued");
          });
          return;
      }
    } catch (e) {
      if (!isUniqueViolation(e)) throw e; // a code collision (2^-80) or a concurrent issue: try again
    }
  }
}

/** Public lookup; anything that cannot be a code never reaches the database. */
export async function getByCode(input: string): Promise<CertificateRecord | null> {
  const code = normalizeCode(input);
  if (!code) return null;
  const row = await db.certificate.findUnique({ where: { code } });
  return row && record(row);
}

export async function getForAttempt(userId: string, attemptId: string): Promise<CertificateRecord | null> {
  const row = await db.certificate.findFirst({ where: { attemptId, userId } });
  return row && record(row);
}

/** The printed name can change until the first PDF download, then it is what was printed. */
export async function setPrintedName(userId: string, attemptId: string, printedName: PrintedName): Promise<boolean> {
  const { count } = await db.certificate.updateMany({
    where: { attemptId, userId, revokedAt: null, firstDownloadAt: null, attempt: { status: "released" } },
    data: { printedName, nameConfirmedAt: new Date() },
  });
  return count > 0;
}

/** Locks the printed name: the first download is the moment it was printed. */
export async function markDownloaded(id: string): Promise<void> {
  await db.certificate.updateMany({ where: { id, firstDownloadAt: null }, data: { firstDownloadAt: new Date(), nameConfirmedAt: new Date() } });
}

export type CertificateListItem = CertificateRecord & { learnerName: string; learnerEmail: string };

export async function listCertificates(): Promise<CertificateListItem[]> {
  const rows = await db.certificate.findMany({ orderBy: { issuedAt: "desc" }, include: { user: { select: { name: true, email: true } } } });
  return rows.map(({ user, ...c }) => ({ ...record(c), learnerName: user.name, learnerEmail: user.email }));
}

export async function revokeCertificate(id: string, reason: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.certificate.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date(), revokeReason: reason } });
    if (count > 0) await queueCertificateEvent(tx, await tx.certificate.findUniqueOrThrow({ where: { id } }), "revoked");
    return count > 0;
  });
}

/** Re-issue = un-revoke: same code, same PDF; refused while the released grade is below the mark. */
export async function reinstateCertificate(id: string, config: AssessmentConfig = loadAssessment().config): Promise<{ ok: true } | { ok: false; reason: "not-revoked" | "below-mark" }> {
  const cert = await db.certificate.findUnique({ where: { id }, include: { attempt: { select: { status: true, finalScore: true } } } });
  if (!cert?.revokedAt) return { ok: false, reason: "not-revoked" };
  if (cert.attempt.status !== "released" || (cert.attempt.finalScore ?? 0) < config.certificateScore) {
    return { ok: false, reason: "below-mark" };
  }
  await db.$transaction(async (tx) => {
    await queueCertificateEvent(tx, await tx.certificate.update({ where: { id }, data: { revokedAt: null, revokeReason: null, finalScore: cert.attempt.finalScore! } }), "issued");
  });
  return { ok: true };
}

export const VERIFY_LIMIT_PER_MINUTE = 30;

/** Counts a verification lookup for a client address (lib/security/client-address.ts); false once it has used up this minute's lookups. */
export function allowVerifyLookup(ip: string, now = Date.now()): Promise<boolean> {
  return allowRequest(`verify:${ip}`, VERIFY_LIMIT_PER_MINUTE, now);
}
