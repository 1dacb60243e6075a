import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { assignmentStates } from "@/lib/assignments/progress";
import { departmentReport } from "@/lib/reports/queries";
const t = async (label: string, f: () => Promise<unknown>) => { await f(); const xs: number[] = []; for (let i = 0; i < 5; i++) { const c = process.cpuUsage(); await f(); const u = process.cpuUsage(c); xs.push((u.user + u.system) / 1000); } xs.sort((a, b) => a - b); console.log(label, "cpu", xs.map((x) => x.toFixed(0)).join(" ")); };
await t("states all", () => assignmentStates({ usersSql: Prisma.sql`u."role" = 'learner'` }));
await t("report", () => departmentReport({ kind: "all" }, {}));
await db.$disconnect();
