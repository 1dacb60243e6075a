import "server-only";
import { randomUUID } from "node:crypto";
import { publicOrigin } from "@/lib/certificates/origin";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { lrsSettings } from "@/lib/xapi/queries";
import { BATCH, LEASE_MS, LRS_TIMEOUT_MS, SETTLE_MS, batchOutcome, pickBatch, putDelivered, retryDelayMs } from "@/lib/xapi/rules";
import type { LrsSettings } from "@/lib/xapi/schema";
import { XAPI_VERSION, actorFor, withActor, type Statement } from "@/lib/xapi/statements";

// The sender: one at a time across processes and instances (a lease on a Setting row), so the
// LRS receives statements in `seq` order; a learner's statements never overtake each other (a
// statement waiting for a retry holds back that learner's later ones, rules.ts pickBatch).
// Delivered means the LRS stored it: a 2xx to the POST of the batch, or, statement by statement,
// a 204 or a 409 (already stored under this id) to a PUT. Anything else retries with backoff,
// forever: a statement is never dropped. A sender that dies after the LRS stored a batch but
// before recording it sends it again later: the LRS answers 409, and each id is PUT once more.

const LEASE_KEY = "xapi.sender";

export type XapiRound = { sent: number; retried: number };
type Row = { seq: number; id: string; userId: string; body: string; attempts: number; nextAttemptAt: Date };

const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

/** Sends due statements until none is left or `budgetMs` is spent (the sweep calls this once a minute). */
export async function sendStatements(options: { now?: () => Date; budgetMs?: number } = {}): Promise<XapiRound> {
  const clock = options.now ?? (() => new Date());
  const totals: XapiRound = { sent: 0, retried: 0 };
  const settings = await lrsSettings();
  if (!settings) return totals;
  const lease = await claimLease(clock());
  if (!lease) return totals;
  const started = Date.now();
  try {
    while (Date.now() - started < (options.budgetMs ?? 45_000)) {
      const now = clock();
      const queued = await db.xapiStatement.findMany({
        where: { status: "queued", createdAt: { lte: new Date(now.getTime() - SETTLE_MS) } },
        orderBy: { seq: "asc" },
        take: BATCH * 10,
        select: { seq: true, id: true, userId: true, body: true, attempts: true, nextAttemptAt: true },
      });
      const batch = pickBatch(queued, now);
      if (!batch.length) break;
      const round = await sendBatch(batch, settings, now);
      totals.sent += round.sent;
      totals.retried += round.retried;
      await renewLease(lease, clock());
    }
  } finally {
    await db.setting.updateMany({ where: { key: LEASE_KEY, value: lease.value }, data: { value: JSON.stringify({ until: 0 }) } });
  }
  return totals;
}

async function sendBatch(batch: Row[], settings: LrsSettings, now: Date): Promise<XapiRound> {
  const statements = await withActors(batch, settings);
  let outcome: ReturnType<typeof batchOutcome>;
  let error = "";
  try {
    const response = await lrsRequest(settings, "POST", "statements", statements);
    outcome = batchOutcome(response.status);
    if (outcome === "retry") error = `HTTP ${response.status}${response.body ? `：${response.body.slice(0, 200)}` : ""}`;
  } catch (thrown) {
    outcome = "retry";
    error = describe(thrown);
  }
  if (outcome === "delivered") {
    await markSent(batch.map((row) => row.seq), now);
    return { sent: batch.length, retried: 0 };
  }
  if (outcome === "retry") {
    for (const row of batch) await markFailed(row, error, now);
    return { sent: 0, retried: batch.length };
  }
  // One by one, in order; a learner whose statement fails has their later ones held back.
  const round: XapiRound = { sent: 0, retried: 0 };
  const held = new Set<string>();
  for (const [index, row] of batch.entries()) {
    if (held.has(row.userId)) continue;
    let failure: string | null;
    try {
      const response = await lrsRequest(settings, "PUT", `statements?statementId=${encodeURIComponent(row.id)}`, statements[index]);
      failure = putDelivered(response.status) ? null : `HTTP ${response.status}${response.body ? `：${response.body.slice(0, 200)}` : ""}`;
    } catch (thrown) {
      failure = describe(thrown);
    }
    if (failure === null) {
      await markSent([row.seq], now);
      round.sent += 1;
    } else {
      held.add(row.userId);
      await markFailed(row, failure, now);
      round.retried += 1;
    }
  }
  return round;
}

/** The statements as the LRS receives them: actor and department as the learner's account is now. */
async function withActors(batch: Row[], settings: LrsSettings): Promise<unknown[]> {
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(batch.map((row) => row.userId))] } },
    select: { id: true, name: true, email: true, employeeId: true, department: { select: { id: true, name: true } } },
  });
  const byId = new Map(users.map((user) => [user.id, user]));
  const origin = publicOrigin();
  return batch.map((row) => {
    const user = byId.get(row.userId)!; // the foreign key cascades: a queued statement has its learner
    return withActor(JSON.parse(row.body) as Statement, actorFor(user, settings), user.department, origin);
  });
}

async function lrsRequest(settings: LrsSettings, method: "GET" | "POST" | "PUT", path: string, body?: unknown): Promise<{ status: number; body: string }> {
  const response = await fetch(new URL(path, settings.endpoint), {
    method,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "x-experience-api-version": XAPI_VERSION,
      authorization: `Basic ${Buffer.from(`${settings.key}:${settings.secret}`).toString("base64")}`,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(LRS_TIMEOUT_MS),
    redirect: "error",
  });
  return { status: response.status, body: await response.text().catch(() => "") };
}

/**
 * 测试连接: reads one statement back with the saved credentials, which proves the address is an
 * xAPI statements resource and the LRS takes the key and secret, without writing anything to it.
 */
export async function checkLrs(settings: LrsSettings): Promise<{ ok: boolean; message: string }> {
  let status: number;
  try {
    ({ status } = await lrsRequest(settings, "GET", "statements?limit=1"));
  } catch (thrown) {
    return { ok: false, message: `${describe(thrown)}。请检查地址，以及本服务器能否访问该 LRS。` };
  }
  if (status >= 200 && status < 300) return { ok: true, message: `连接成功：LRS 接受了该 Key 和 Secret（HTTP ${status}）。` };
  if (status === 401 || status === 403) return { ok: false, message: `LRS 拒绝了该 Key 和 Secret（HTTP ${status}），请核对后重新保存。` };
  if (status === 404) return { ok: false, message: "该地址下没有 xAPI 的 statements 资源（HTTP 404）：地址应是 LRS 的 xAPI 根路径，例如 https://lrs.example.com/xapi/。" };
  return { ok: false, message: `LRS 答复 HTTP ${status}，连接未通过，请稍后重试或联系 LRS 管理员。` };
}

// Why a request never got an answer, for the outbox's failures and 测试连接 (the code kept for support).
const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: "连接被拒绝，LRS 可能未运行",
  ENOTFOUND: "找不到该主机名",
  EAI_AGAIN: "域名解析暂时失败",
  ECONNRESET: "连接被对方中断",
  UND_ERR_SOCKET: "连接被对方中断",
  ETIMEDOUT: "连接超时",
  UND_ERR_CONNECT_TIMEOUT: "连接超时",
};

const describe = (thrown: unknown) => {
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  if (error.name === "TimeoutError") return `无法连接 LRS：${LRS_TIMEOUT_MS / 1000} 秒内没有答复`;
  const cause = error.cause as { code?: string; message?: string } | undefined;
  if (cause?.code) return `无法连接 LRS：${NETWORK_REASONS[cause.code] ?? "网络错误"}（${cause.code}）`;
  return `无法连接 LRS：网络错误（${cause?.message ?? error.message}）`;
};

async function markSent(seqs: number[], now: Date) {
  await db.xapiStatement.updateMany({ where: { seq: { in: seqs }, status: "queued" }, data: { status: "sent", sentAt: now, lastError: null } });
}

async function markFailed(row: Row, error: string, now: Date) {
  const attempts = row.attempts + 1;
  await db.xapiStatement.update({
    where: { seq: row.seq },
    data: { attempts, lastError: error.slice(0, 500), nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) },
  });
}

type Lease = { value: string };

/** The send lease: a Setting row whose `until` has passed is taken by one conditional update. */
async function claimLease(now: Date): Promise<Lease | null> {
  const value = JSON.stringify({ token: randomUUID(), until: now.getTime() + LEASE_MS });
  const row = await db.setting.findUnique({ where: { key: LEASE_KEY }, select: { value: true } });
  if (!row) {
    try {
      await db.setting.create({ data: { key: LEASE_KEY, value } });
      return { value };
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }
  if (leaseUntil(row.value) > now.getTime()) return null;
  const { count } = await db.setting.updateMany({ where: { key: LEASE_KEY, value: row.value }, data: { value } });
  return count === 1 ? { value } : null;
}

async function renewLease(lease: Lease, now: Date) {
  const value = JSON.stringify({ token: randomUUID(), until: now.getTime() + LEASE_MS });
  const { count } = await db.setting.updateMany({ where: { key: LEASE_KEY, value: lease.value }, data: { value } });
  if (count !== 1) throw new Error("xAPI 发送租约已被其他进程接管。");
  lease.value = value;
}

function leaseUntil(value: string): number {
  try {
    const until = (JSON.parse(value) as { until?: unknown }).until;
    return typeof until === "number" ? until : 0;
  } catch {
    return 0;
  }
}
