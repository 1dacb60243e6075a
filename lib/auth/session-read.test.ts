import { describe, expect, it } from "vitest";
import { reshapeSessionRow, sessionWithUserLookup } from "@/lib/auth/session-read";

describe("sessionWithUserLookup", () => {
  it("takes better-auth's session-by-token read with its user", () => {
    expect(sessionWithUserLookup({ where: { token: { equals: "t1" } }, select: { id: true, token: true, user: true } })).toBe("t1");
  });

  it("passes every other query through", () => {
    for (const args of [
      { where: { token: { equals: "t1" } } },
      { where: { token: { equals: "t1" } }, select: { id: true } },
      { where: { token: { equals: "t1", mode: "insensitive" } }, select: { user: true } },
      { where: { token: { equals: "t1" }, userId: { equals: "u" } }, select: { user: true } },
      { where: { id: { equals: "s1" } }, select: { user: true } },
      { where: { token: { not: { equals: "t1" } } }, select: { user: true } },
      {},
    ]) expect(sessionWithUserLookup(args), JSON.stringify(args)).toBeUndefined();
  });
});

describe("reshapeSessionRow", () => {
  it("gives dates and booleans as Prisma does, from SQLite's text and integers or PostgreSQL's values", () => {
    const at = "2026-12-03T12:00:00.000+00:00";
    const row = {
      id: "s1", expiresAt: at, token: "t1", createdAt: at, updatedAt: new Date(at), ipAddress: null, userAgent: "ua", userId: "u1",
      u_id: "u1", u_name: "学员", u_email: "a@example.com", u_emailVerified: 0, u_image: null, u_role: "learner",
      u_createdAt: at, u_updatedAt: at, u_lastActivityAt: null,
    };
    const shaped = reshapeSessionRow(row);
    expect(shaped.expiresAt).toEqual(new Date(at));
    expect(shaped.updatedAt).toEqual(new Date(at));
    expect(shaped.user).toEqual({
      id: "u1", name: "学员", email: "a@example.com", emailVerified: false, image: null, role: "learner",
      createdAt: new Date(at), updatedAt: new Date(at), lastActivityAt: null,
    });
    expect(reshapeSessionRow({ ...row, u_emailVerified: true, u_lastActivityAt: at }).user).toMatchObject({ emailVerified: true, lastActivityAt: new Date(at) });
  });
});
