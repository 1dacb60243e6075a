// Idempotent: creates the demo accounts that do not exist yet, through the auth library so
// passwords are hashed exactly as at sign-up.
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db";
import { endOfBeijingDay, startOfBeijingDay, beijingDay } from "@/lib/assignments/status";
import { ensureDepartmentPath } from "@/lib/departments/queries";
import { DEMO_ACCOUNTS, DEMO_COMPANY } from "./demo-accounts";

export async function seed() {
  for (const account of DEMO_ACCOUNTS) {
    const existing = await db.user.findUnique({ where: { email: account.email } });
    if (!existing) {
      await auth.api.signUpEmail({
        body: { name: account.name, email: account.email, password: account.password },
      });
    }
    await db.user.update({ where: { email: account.email }, data: { role: account.role } });
  }
  await seedCompany();
}

/** The demo department tree, members and assignment; what an admin has changed since is kept. */
async function seedCompany() {
  await db.$transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const names of DEMO_COMPANY.departments) {
      for (let depth = 1; depth <= names.length; depth++) {
        const result = await ensureDepartmentPath(tx, names.slice(0, depth));
        if (!result.ok) return; // an admin archived part of the demo tree: leave it so
        ids.set(names.slice(0, depth).join("/"), result.id);
      }
    }
    for (const [email, names] of Object.entries(DEMO_COMPANY.members)) {
      await tx.user.updateMany({ where: { email, departmentId: null }, data: { departmentId: ids.get(names.join("/")) } });
    }
    await tx.user.updateMany({ where: { email: "head@example.com" }, data: { canGrade: true } });
    const { title, department, days } = DEMO_COMPANY.assignment;
    if (await tx.assignment.findFirst({ where: { title }, select: { id: true } })) return;
    const admin = await tx.user.findFirst({ where: { role: "admin" }, select: { id: true } });
    const today = beijingDay(new Date());
    await tx.assignment.create({
      data: {
        title,
        scope: "course",
        startsAt: startOfBeijingDay(today),
        dueAt: endOfBeijingDay(beijingDay(new Date(Date.now() + days * 86_400_000))),
        createdById: admin?.id ?? "seed",
        targets: { create: [{ departmentId: ids.get(department.join("/")) }] },
      },
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await seed();
  console.log("Demo accounts are in place.");
}
