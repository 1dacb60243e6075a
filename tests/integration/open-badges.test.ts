import { createPublicKey, generateKeyPairSync } from "node:crypto";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import jwt from "jsonwebtoken";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { openBadgeCredentialSchema } from "./support/open-badge-credential-schema";
import { submitWithChoicesRight } from "./support/answers";

// Sign → verify with an independent library (jsonwebtoken, not jose) against the published JWKS →
// revoke → our verifier says revoked; the credential validated against OB 3.0's required fields.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user, getVerifiedUser: async () => session.user }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "192.0.2.7" }) }));

const { auth } = await import("@/lib/auth/auth");
const { db } = await import("@/lib/db");
const { loadAttempt } = await import("@/lib/assessment/attempts");
const { rubricItems } = await import("@/lib/assessment/scoring");
const { readAssessment } = await import("@/lib/content/banks");
const { releaseGrades, saveGrade } = await import("@/lib/grading/queries");
const { revokeCertificate } = await import("@/lib/certificates/queries");
const { publicOrigin } = await import("@/lib/certificates/origin");
const { activeSigningKey, rotateSigningKey, signingKeys } = await import("@/lib/badges/keys");
const { verifyCredential } = await import("@/lib/badges/verify");
const { verifyBadgeAction } = await import("@/lib/badges/actions");
const { SignJWT, importJWK } = await import("jose");
const badgeRoute = await import("@/app/(site)/certificates/[code]/badge/route");
const jwksRoute = await import("@/app/badges/jwks.json/route");
const issuerRoute = await import("@/app/badges/issuer/route");
const keyRoute = await import("@/app/badges/keys/[thumbprint]/route");
const revocationRoute = await import("@/app/badges/revocations/[code]/route");

const content = readAssessment().content!;
const origin = publicOrigin();
const ISSUER = `${origin}/badges/issuer`;
let n = 0;

async function account(role: CurrentUser["role"] = "learner") {
  const email = `badge${n++}@example.com`;
  const { user } = await auth.api.signUpEmail({ body: { name: `徽章学员${n}`, email, password: "password123" } });
  if (role !== "learner") await db.user.update({ where: { id: user.id }, data: { role } });
  return { id: user.id, name: user.name, email, role } satisfies CurrentUser;
}

/** A learner with a released 100: the certificate the credential stands for. */
async function certifiedLearner() {
  const learner = await account();
  const grader = await account("trainer");
  const submitted = await submitWithChoicesRight(learner.id, content);
  const attempt = (await loadAttempt(learner.id, submitted.id))!;
  const scores = Object.fromEntries(rubricItems(attempt.paper).map((i) => [i.key, { points: i.max, comment: "" }]));
  const saved = await saveGrade(grader.id, { attemptId: attempt.id, version: 0, intent: "finalise", comment: "", scores }, content.config);
  if (!saved.ok) throw new Error(saved.reason);
  await releaseGrades(grader.id, { attemptId: attempt.id });
  const cert = await db.certificate.findUniqueOrThrow({ where: { attemptId: attempt.id } });
  return { learner, cert };
}

async function download(user: CurrentUser | null, code: string) {
  session.user = user;
  return badgeRoute.GET(new NextRequest(`${origin}/certificates/${code}/badge`), { params: Promise.resolve({ code }) });
}

const decodePart = (token: string, i: number) => JSON.parse(Buffer.from(token.split(".")[i], "base64url").toString("utf8"));

/** What an outside verifier does: fetch the JWKS, take the key the header's kid names, check with jsonwebtoken. */
async function verifyIndependently(token: string) {
  const { keys } = await (await jwksRoute.GET()).json();
  const jwk = keys.find((k: { kid: string }) => k.kid === decodePart(token, 0).kid);
  if (!jwk) throw new Error("kid not in the JWKS");
  const pem = createPublicKey({ key: jwk, format: "jwk" }).export({ type: "spki", format: "pem" }).toString();
  return jwt.verify(token, pem, { algorithms: ["RS256"], issuer: ISSUER }) as jwt.JwtPayload;
}

const upload = (fields: Record<string, string | File>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return verifyBadgeAction(null, form);
};

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validCredential = ajv.compile(openBadgeCredentialSchema);

describe("the installation's signing key", () => {
  it("is created once on first use, even by instances asking at the same moment", async () => {
    expect(await signingKeys(db)).toEqual([]);
    const keys = await Promise.all([activeSigningKey(db), activeSigningKey(db), activeSigningKey(db)]);
    expect(new Set(keys.map((k) => k.thumbprint)).size).toBe(1);
    expect(await db.installationSecret.count({ where: { id: { startsWith: "open-badges-key:" } } })).toBe(1);
    expect(keys[0].privateJwk).toMatchObject({ kty: "RSA", alg: "RS256" });
    expect(keys[0].publicJwk).not.toHaveProperty("d");
  });
});

describe("Open Badges 3.0 credentials", () => {
  let token: string;
  let cert: Awaited<ReturnType<typeof certifiedLearner>>["cert"];
  let learner: CurrentUser;

  beforeAll(async () => {
    ({ learner, cert } = await certifiedLearner());
  });

  it("download as a VC-JWT for the holder and staff only", async () => {
    const stranger = await account();
    expect((await download(null, cert.code)).status).toBe(303);
    expect((await download(stranger, cert.code)).status).toBe(404);
    expect((await download(await account("trainer"), cert.code)).status).toBe(200);
    const response = await download(learner, cert.code);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(`open-badge-${cert.code}.jwt`);
    token = await response.text();
    expect(decodePart(token, 0)).toMatchObject({ alg: "RS256", typ: "JWT", kid: expect.stringMatching(new RegExp(`^${origin}/badges/keys/[A-Za-z0-9_-]{43}$`)) });
  });

  it("verify with jsonwebtoken against the published JWKS, and match the OB 3.0 schema", async () => {
    const payload = await verifyIndependently(token);
    expect(payload).toMatchObject({ iss: ISSUER, jti: `${origin}/verify/${cert.code}`, nbf: Math.floor(cert.issuedAt.getTime() / 1000) });
    expect(payload.sub).toBe(payload.vc.credentialSubject.id);
    expect(validCredential(payload.vc), JSON.stringify(validCredential.errors)).toBe(true);
    const { "@context": _context, ...profile } = await (await issuerRoute.GET()).json();
    expect(payload.vc.issuer).toEqual(profile);
    expect(profile).toMatchObject({ id: ISSUER, type: ["Profile"], name: "京东运营线上培训" });
    expect(JSON.stringify(payload)).not.toContain(learner.email);
    // The schema is not a rubber stamp: a credential missing what OB 3.0 requires fails it.
    const { credentialSubject, ...noSubject } = payload.vc;
    expect(validCredential(noSubject)).toBe(false);
    expect(validCredential({ ...payload.vc, credentialSubject: { ...credentialSubject, achievement: { ...credentialSubject.achievement, criteria: {} } } })).toBe(false);
    expect(validCredential({ ...payload.vc, "@context": ["https://www.w3.org/2018/credentials/v1"] })).toBe(false);
    // The kid dereferences to the key itself.
    const thumbprint = decodePart(token, 0).kid.split("/").pop();
    const key = await (await keyRoute.GET(new Request(`${origin}/badges/keys/${thumbprint}`), { params: Promise.resolve({ thumbprint }) })).json();
    expect(key).toMatchObject({ kty: "RSA", kid: decodePart(token, 0).kid });
    expect(key).not.toHaveProperty("d");
  });

  it("are valid on the verification page, and anything altered or foreign is said to be so", async () => {
    expect(await verifyCredential(origin, token)).toMatchObject({ kind: "valid", code: cert.code });
    expect(await upload({ credential: `\n ${token} \n` })).toMatchObject({ ok: true, kind: "valid", title: expect.stringContaining("有效") });
    expect(await upload({ file: new File([token], "badge.jwt", { type: "application/vc+jwt" }) })).toMatchObject({ kind: "valid" });

    // A changed payload under the original signature.
    const [h, , s] = token.split(".");
    const payload = decodePart(token, 1);
    payload.vc.credentialSubject.identifier[0].identityHash = `sha256$${"0".repeat(64)}`;
    const tampered = `${h}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${s}`;
    await expect(verifyIndependently(tampered)).rejects.toThrow(/invalid signature/);
    expect(await upload({ credential: tampered })).toMatchObject({ kind: "bad-signature", title: expect.stringContaining("签名无效") });

    // Our issuer claimed with someone else's key; another issuer altogether; alg none.
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const foreignKey = await importJWK(privateKey.export({ format: "jwk" }) as never, "RS256");
    const forged = await new SignJWT({ vc: payload.vc }).setProtectedHeader({ alg: "RS256", kid: decodePart(token, 0).kid, typ: "JWT" }).setIssuer(ISSUER).sign(foreignKey);
    expect(await upload({ credential: forged })).toMatchObject({ kind: "bad-signature" });
    const elsewhere = await new SignJWT({ vc: { ...payload.vc, issuer: { id: "https://badges.example.org/issuer" } } }).setProtectedHeader({ alg: "RS256", typ: "JWT" }).setIssuer("https://badges.example.org/issuer").sign(foreignKey);
    expect(await upload({ credential: elsewhere })).toMatchObject({ kind: "foreign", title: "✗ 不是本机构签发" });
    const unsigned = `${Buffer.from(JSON.stringify({ alg: "none", kid: decodePart(token, 0).kid })).toString("base64url")}.${token.split(".")[1]}.`;
    expect(await upload({ credential: unsigned })).toMatchObject({ kind: "bad-signature" });
    const hs256 = await new SignJWT({ vc: payload.vc }).setProtectedHeader({ alg: "HS256", kid: decodePart(token, 0).kid }).setIssuer(ISSUER).sign(new Uint8Array(32));
    expect(await upload({ credential: hs256 })).toMatchObject({ kind: "bad-signature" });
  });

  it("answer garbage with a zh-CN message, never an exception", async () => {
    expect(await upload({})).toEqual({ ok: false, message: "请选择电子徽章文件，或粘贴凭证内容。" });
    expect(await upload({ credential: "   " })).toMatchObject({ ok: false, message: expect.stringContaining("请选择") });
    expect(await upload({ credential: "{\"@context\": []}" })).toMatchObject({ ok: false, message: expect.stringContaining("无法识别") });
    expect(await upload({ credential: "a".repeat(20_000) })).toMatchObject({ ok: false, message: expect.stringContaining("16 KB") });
    expect(await upload({ file: new File(["x".repeat(17 * 1024)], "big.jwt") })).toMatchObject({ ok: false, message: expect.stringContaining("16 KB") });
    expect(await upload({ credential: "aaa.bbb.ccc" })).toMatchObject({ ok: true, kind: "unreadable" });
    expect(await upload({ credential: `${Buffer.from("{}").toString("base64url")}.${Buffer.from("[]").toString("base64url")}.` })).toMatchObject({ ok: true });
    expect(await verifyBadgeAction(null, "not a form" as never)).toMatchObject({ ok: false, message: expect.stringContaining("表单") });
  });

  it("keep verifying after a key rotation; new ones are signed with the new key", async () => {
    const before = await activeSigningKey(db);
    const after = await rotateSigningKey(db);
    expect(after.thumbprint).not.toBe(before.thumbprint);
    expect(after.generation).toBe(before.generation + 1);
    const { keys } = await (await jwksRoute.GET()).json();
    expect(keys.map((k: { kid: string }) => k.kid.split("/").pop())).toEqual([after.thumbprint, before.thumbprint]);
    await verifyIndependently(token);
    expect(await verifyCredential(origin, token)).toMatchObject({ kind: "valid" });
    const fresh = await (await download(learner, cert.code)).text();
    expect(decodePart(fresh, 0).kid.endsWith(after.thumbprint)).toBe(true);
    expect(await verifyCredential(origin, fresh)).toMatchObject({ kind: "valid" });
  });

  it("still carry a good signature after revocation, but our verifier and the status list say revoked", async () => {
    const status = async () => (await revocationRoute.GET(new Request(`${origin}/badges/revocations/${cert.code}`), { params: Promise.resolve({ code: cert.code }) })).json();
    expect((await status()).revokedCredentials).toEqual([]);
    expect(await revokeCertificate(cert.id, "测试撤销")).toBe(true);
    await verifyIndependently(token); // the signature itself cannot change
    expect(await verifyCredential(origin, token)).toMatchObject({ kind: "revoked", code: cert.code, revokedAt: expect.any(Date) });
    expect(await upload({ credential: token })).toMatchObject({ ok: true, kind: "revoked", title: expect.stringContaining("已撤销") });
    expect(await status()).toEqual({ id: `${origin}/badges/revocations/${cert.code}`, issuer: ISSUER, revokedCredentials: [{ id: `${origin}/verify/${cert.code}` }] });
    expect((await download(learner, cert.code)).status).toBe(410);
  });
});
