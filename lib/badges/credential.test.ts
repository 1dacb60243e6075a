import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { emailIdentity, holderId, identitySalt, jwtClaims, openBadgeCredential, revocationList } from "./credential";

const origin = "https://train.example.com";
const rules = { certificateScore: 90, weights: { part1: 30, part2: 30, part3: 40 } };
const cert = { id: "ckcert000001", code: "ABCDEFGHJKMNPQRS", issuedAt: new Date("2026-11-25T02:30:00.000Z"), email: "Learner@Example.com " };

describe("openBadgeCredential", () => {
  const vc = openBadgeCredential(origin, cert, rules);

  it("follows the OB 3.0 data model on VC 2.0", () => {
    expect(vc["@context"]).toEqual(["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]);
    expect(vc.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(vc.id).toBe(`${origin}/verify/ABCDEFGHJKMNPQRS`);
    expect(vc.issuer).toEqual({ id: `${origin}/badges/issuer`, type: ["Profile"], name: "京东运营线上培训", url: `${origin}/` });
    expect(vc.validFrom).toBe("2026-11-25T02:30:00.000Z");
    expect(vc.name).toBe("京东认证运营专家证书");
    expect(vc.credentialStatus).toEqual({ id: `${origin}/badges/revocations/ABCDEFGHJKMNPQRS`, type: "1EdTechRevocationList" });
  });

  it("describes the achievement and its criteria from the assessment's rules", () => {
    const { achievement } = vc.credentialSubject;
    expect(achievement).toMatchObject({ id: `${origin}/badges/achievement`, type: ["Achievement"], name: "京东认证运营专家证书" });
    expect(achievement.description).toContain("90 分以上");
    expect(achievement.criteria.narrative).toContain("理论知识测试 30%、实操案例分析 30%、运营方案设计 40%");
    const other = openBadgeCredential(origin, cert, { ...rules, certificateScore: 85 });
    expect(other.credentialSubject.achievement.criteria.narrative).toContain("不低于 85 分");
  });

  it("names the holder only by a salted hash of the normalised e-mail address", () => {
    const [identity] = vc.credentialSubject.identifier;
    const salt = identitySalt(cert.id);
    expect(identity).toEqual({ type: "IdentityObject", identityType: "emailAddress", hashed: true, salt, identityHash: `sha256$${createHash("sha256").update(`learner@example.com${salt}`).digest("hex")}` });
    expect(JSON.stringify(vc)).not.toMatch(/learner@/i);
    // Same certificate, same identifier; another certificate of the same person, another salt and hash.
    expect(openBadgeCredential(origin, cert, rules).credentialSubject).toEqual(vc.credentialSubject);
    const second = emailIdentity(cert.email, identitySalt("ckcert000002"));
    expect(second.identityHash).not.toBe(identity.identityHash);
    expect(holderId(cert.id)).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("mirrors iss, jti, sub and nbf in the JWT claims (OB 3.0 §8.2)", () => {
    expect(jwtClaims(vc)).toEqual({ iss: `${origin}/badges/issuer`, jti: vc.id, sub: vc.credentialSubject.id, nbf: Date.UTC(2026, 10, 25, 2, 30) / 1000, vc });
  });
});

describe("revocationList", () => {
  it("is empty while valid and names only this credential once revoked", () => {
    expect(revocationList(origin, cert.code, false).revokedCredentials).toEqual([]);
    expect(revocationList(origin, cert.code, true)).toEqual({
      id: `${origin}/badges/revocations/${cert.code}`,
      issuer: `${origin}/badges/issuer`,
      revokedCredentials: [{ id: `${origin}/verify/${cert.code}` }],
    });
  });
});
