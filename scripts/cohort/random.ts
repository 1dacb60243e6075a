import { createHash } from "node:crypto";

// Seeded sampling, so a cohort is replayable from --seed. The app's seededRandom (mulberry32)
// is a counter with 2^32 states: thousands of per-learner streams overlap and repeat each
// other's draws (duplicate ids, twin learners). sfc32 keeps 128 bits of state, seeded from a
// SHA-256 of the stream's name, so streams do not meet.

export type Rng = () => number;

export function rngFor(...parts: (string | number)[]): Rng {
  const digest = createHash("sha256").update(parts.join(":")).digest();
  let a = digest.readUInt32LE(0);
  let b = digest.readUInt32LE(4);
  let c = digest.readUInt32LE(8);
  let d = digest.readUInt32LE(12);
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // mix the seed in
  return next;
}

export const uniform = (rng: Rng, min: number, max: number) => min + (max - min) * rng();

/** Standard normal (Box–Muller). */
export function normal(rng: Rng, mean = 0, sd = 1): number {
  const u = 1 - rng();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

export const exponential = (rng: Rng, mean: number) => -mean * Math.log(1 - rng());

export const chance = (rng: Rng, p: number) => rng() < p;

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

export function weightedPick<T>(rng: Rng, items: readonly T[], weights: readonly number[]): T {
  let r = rng() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) {
    r -= weights[i];
    if (r < 0) return items[i];
  }
  return items[items.length - 1];
}

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** A cuid-shaped id ("c" + 24 characters): valid wherever the app checks ids (/^[a-z0-9]+$/). */
export function makeId(rng: Rng): string {
  let id = "c";
  for (let i = 0; i < 24; i++) id += ALPHABET[Math.floor(rng() * ALPHABET.length)];
  return id;
}

/** A v4-shaped UUID, like the randomUUID() seeds of attempts the app starts. */
export function makeUuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
