// The installation's Open Badges signing keys (decision 041), kept like the session secret
// (decision 013): generated on first use, stored in the table installation_secret, never in the
// source. One row per key generation ("open-badges-key:0001", …), never updated: the newest signs,
// every one stays in the JWKS so credentials signed before a rotation still verify.
// No "server-only" here: the rotation script uses it outside Next.
import { exportJWK, generateKeyPair, importJWK, calculateJwkThumbprint, type JWK, type CryptoKey } from "jose";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const SIGNING_ALG = "RS256"; // OB 3.0 §8.2: every verifier must support RS256
const PREFIX = "open-badges-key:";
const rowId = (generation: number) => `${PREFIX}${String(generation).padStart(4, "0")}`;

/** thumbprint: RFC 7638 of the public key; a credential's header names it as keyUrl(origin, thumbprint). */
export type SigningKey = { thumbprint: string; generation: number; privateJwk: JWK; publicJwk: JWK };

async function newKeyJson(): Promise<string> {
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { modulusLength: 2048, extractable: true });
  return JSON.stringify(await exportJWK(privateKey));
}

async function toSigningKey(id: string, value: string): Promise<SigningKey> {
  const privateJwk = JSON.parse(value) as JWK;
  const { kty, n, e } = privateJwk;
  const thumbprint = await calculateJwkThumbprint({ kty, n, e });
  const publicJwk: JWK = { kty, n, e, alg: SIGNING_ALG, use: "sig" };
  return { thumbprint, generation: Number(id.slice(PREFIX.length)), privateJwk: { ...privateJwk, alg: SIGNING_ALG }, publicJwk };
}

/** Every key this installation ever made, oldest first. */
export async function signingKeys(db: PrismaClient): Promise<SigningKey[]> {
  const rows = await db.installationSecret.findMany({ where: { id: { startsWith: PREFIX } }, orderBy: { id: "asc" } });
  return Promise.all(rows.map((row) => toSigningKey(row.id, row.value)));
}

/** Inserts the key of this generation unless another instance already did; the stored row wins. */
async function insertGeneration(db: PrismaClient, generation: number): Promise<void> {
  try {
    await db.installationSecret.create({ data: { id: rowId(generation), value: await newKeyJson() } });
  } catch (error) {
    // Most likely a concurrent insert (unique violation): its row is the key.
    if (!(await db.installationSecret.findUnique({ where: { id: rowId(generation) } }))) throw error;
  }
}

/** The key that signs new credentials: the newest generation, created on the first call. */
export async function activeSigningKey(db: PrismaClient): Promise<SigningKey> {
  let keys = await signingKeys(db);
  if (keys.length === 0) {
    await insertGeneration(db, 1);
    keys = await signingKeys(db);
  }
  return keys[keys.length - 1];
}

/** A new key signs from now on; the old ones stay published, so what they signed still verifies. */
export async function rotateSigningKey(db: PrismaClient): Promise<SigningKey> {
  const keys = await signingKeys(db);
  await insertGeneration(db, (keys.at(-1)?.generation ?? 0) + 1);
  return activeSigningKey(db);
}

/**
 * OB 3.0 §8.2: a header's kid is "a URI that can be dereferenced to an object of type JWK";
 * /badges/keys/<thumbprint> answers with that key, and the JWKS names each key the same way.
 */
export const keyUrl = (origin: string, thumbprint: string) => `${origin}/badges/keys/${thumbprint}`;
/** The thumbprint a kid names (its last path segment), whatever origin it was signed under. */
export const thumbprintOf = (kid: string) => kid.slice(kid.lastIndexOf("/") + 1);

/** The public JWKS (RFC 7517): every generation, newest first. */
export async function publicJwks(db: PrismaClient, origin: string): Promise<{ keys: JWK[] }> {
  const keys = await signingKeys(db);
  return { keys: keys.reverse().map((k) => ({ ...k.publicJwk, kid: keyUrl(origin, k.thumbprint) })) };
}

const imported = new Map<string, CryptoKey | Uint8Array>();
/** jose key objects, cached per thumbprint (a thumbprint never names another key). */
export async function keyObject(key: SigningKey, part: "private" | "public"): Promise<CryptoKey | Uint8Array> {
  const cacheKey = `${key.thumbprint}:${part}`;
  let object = imported.get(cacheKey);
  if (!object) {
    object = await importJWK(part === "private" ? key.privateJwk : key.publicJwk, SIGNING_ALG);
    imported.set(cacheKey, object);
  }
  return object;
}
