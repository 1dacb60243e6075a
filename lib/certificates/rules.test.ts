import { describe, expect, it } from "vitest";
import { REGRADE_REVOKE_REASON, certificateAction, displayCode, formatGap, newCertificateCode, normalizeCode, shortfall } from "./rules";

const config = { passScore: 75, certificateScore: 90 };
const released = (finalScore: number) => ({ status: "released", finalScore });
const active = (finalScore: number) => ({ revokedAt: null, revokeReason: null, finalScore });

describe("certificateAction", () => {
  it("issues at 90.0 but not at 89.9", () => {
    expect(certificateAction(released(90), null, config)).toEqual({ kind: "issue", finalScore: 90 });
    expect(certificateAction(released(89.9), null, config)).toEqual({ kind: "none" });
    expect(certificateAction(released(89.99999), null, config)).toEqual({ kind: "none" });
  });

  it("issues nothing before release, whatever the score", () => {
    expect(certificateAction({ status: "graded", finalScore: 100 }, null, config)).toEqual({ kind: "none" });
    expect(certificateAction({ status: "released", finalScore: null }, null, config)).toEqual({ kind: "none" });
  });

  it("revokes on a regrade below 90, and re-activates the same certificate on a regrade back to 90", () => {
    expect(certificateAction(released(89.9), active(92), config)).toEqual({ kind: "revoke", reason: REGRADE_REVOKE_REASON });
    const revoked = { revokedAt: new Date(), revokeReason: REGRADE_REVOKE_REASON, finalScore: 92 };
    expect(certificateAction(released(90), revoked, config)).toEqual({ kind: "reactivate", finalScore: 90 });
    expect(certificateAction(released(85), revoked, config)).toEqual({ kind: "none" });
  });

  it("never issues a second certificate: an existing one is updated or left alone", () => {
    expect(certificateAction(released(95), active(92), config)).toEqual({ kind: "update", finalScore: 95 });
    expect(certificateAction(released(92), active(92), config)).toEqual({ kind: "none" });
  });

  it("keeps a certificate revoked by an administrator revoked on regrades", () => {
    const byAdmin = { revokedAt: new Date(), revokeReason: "作弊", finalScore: 92 };
    expect(certificateAction(released(99), byAdmin, config)).toEqual({ kind: "none" });
  });
});

describe("codes", () => {
  it("are 16 base32 characters from random bytes, unlike each other", () => {
    const codes = new Set(Array.from({ length: 1000 }, () => newCertificateCode()));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
  });

  it("encode the bytes given", () => {
    expect(newCertificateCode(new Uint8Array(10))).toBe("0000000000000000");
    expect(newCertificateCode(new Uint8Array(10).fill(255))).toBe("ZZZZZZZZZZZZZZZZ");
  });

  it("normalise as typed and refuse anything that cannot be a code", () => {
    expect(normalizeCode("abcd-efgh-jkmn-pqrs")).toBe("ABCDEFGHJKMNPQRS");
    expect(displayCode("ABCDEFGHJKMNPQRS")).toBe("ABCD-EFGH-JKMN-PQRS");
    expect(normalizeCode("ABCDEFGHJKMNPQRI")).toBeNull(); // I is not in the alphabet
    expect(normalizeCode("ABC")).toBeNull();
    expect(normalizeCode("' OR 1=1 --")).toBeNull();
  });
});

describe("shortfall", () => {
  it("tells by part what a pass below 90 missed, with the weights", () => {
    const s = shortfall({ part1: 90, part2: 80, part3: 80 }, { part1: 30, part2: 30, part3: 40 }, 83, 90);
    expect(s.gap).toBe(7);
    expect(s.parts.map((p) => [p.part, p.contribution, p.lost])).toEqual([["part1", 27, 3], ["part2", 24, 6], ["part3", 32, 8]]);
    // 7 weighted points are 23.3 points of part 1 (no room: it has 10), 23.3 of part 2, 17.5 of part 3.
    expect(s.parts[0].raiseNeeded).toBeNull();
    expect(s.parts[2].raiseNeeded).toBeCloseTo(17.5);
  });

  it("rounds a gap up so it is enough", () => {
    expect(formatGap(0.01)).toBe("0.1");
    expect(formatGap(7)).toBe("7.0");
    expect(formatGap(23.333333)).toBe("23.4");
  });
});
