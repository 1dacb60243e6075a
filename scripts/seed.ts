// Idempotent: creates the demo accounts that do not exist yet, through the auth library so
// passwords are hashed exactly as at sign-up.
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db";
import { DEMO_ACCOUNTS } from "./demo-accounts";

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
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await seed();
  console.log("Demo accounts are in place.");
}
