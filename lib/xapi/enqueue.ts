import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { XAPI_SETTING_KEY } from "@/lib/xapi/schema";
import { publicOrigin } from "@/lib/certificates/origin";
import { VERBS, certificateActivityId, certificateIssued, certificateRevoked, type Statement } from "@/lib/xapi/statements";

type Tx = Prisma.TransactionClient;

// Statements are queued in the event's own transaction, and only while an LRS is configured
// (the settings row exists): the statement exists exactly when its event does. The sender
// (lib/xapi/send.ts) delivers them later, in `seq` order.

const verbName = (statement: Statement) => statement.verb.display["en-US"];

/** Queues statements in the caller's Prisma transaction, if an LRS is configured. */
export async function queueStatements(tx: Tx, userId: string, statements: Statement[], now = new Date()): Promise<number> {
  if (!statements.length) return 0;
  const configured = await tx.setting.findUnique({ where: { key: XAPI_SETTING_KEY }, select: { key: true } });
  if (!configured) return 0;
  for (const statement of statements) {
    await tx.xapiStatement.create({
      data: { id: statement.id, userId, verb: verbName(statement), objectId: statement.object.id, body: JSON.stringify(statement), createdAt: now, nextAttemptAt: now },
    });
  }
  return statements.length;
}

/**
 * The lesson completion's statement as one more statement of its raw batch (decisions 028, 042):
 * inserted only if the batch made the progress row `progressId` (a first completion) and an LRS
 * is configured. Its times are copied from the progress row, so no parameter needs a cast.
 */
export function lessonStatementSql(userId: string, progressId: string, statement: Statement): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "xapi_statement" ("id", "userId", "verb", "objectId", "body", "nextAttemptAt", "createdAt")
    SELECT ${statement.id}, ${userId}, ${verbName(statement)}, ${statement.object.id}, ${JSON.stringify(statement)}, p."completedAt", p."completedAt"
    FROM "lesson_progress" p
    WHERE p."id" = ${progressId} AND EXISTS (SELECT 1 FROM "setting" s WHERE s."key" = ${XAPI_SETTING_KEY})`;
}

/**
 * A certificate issued (or re-activated): `earned`. Revoked: a statement voiding the latest
 * `earned` statement queued for it; none when it was issued before an LRS was configured.
 */
export async function queueCertificateEvent(tx: Tx, certificate: { userId: string; code: string; attemptId: string }, event: "issued" | "revoked", at = new Date()): Promise<void> {
  const origin = publicOrigin();
  if (event === "issued") {
    const attempt = await tx.assessmentAttempt.findUnique({ where: { id: certificate.attemptId }, select: { number: true } });
    await queueStatements(tx, certificate.userId, [certificateIssued(origin, { code: certificate.code, attempt: { id: certificate.attemptId, number: attempt?.number ?? 1 } }, at)], at);
    return;
  }
  const earned = await tx.xapiStatement.findFirst({
    where: { userId: certificate.userId, verb: VERBS.earned.display["en-US"], objectId: certificateActivityId(origin, certificate.code) },
    orderBy: { seq: "desc" },
    select: { id: true },
  });
  if (earned) await queueStatements(tx, certificate.userId, [certificateRevoked(earned.id, at)], at);
}
