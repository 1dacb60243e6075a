import { randomUUID } from "node:crypto";
import { E2E_DATABASE_URL } from "../../playwright.config";
import { endOfBeijingDay, startOfBeijingDay } from "../../lib/assignments/status";
import { readCourse } from "../../lib/content/load";
import { createDbClient } from "../../lib/db-client";

// Set-up for the reminder spec: a department and an overdue 学习任务 for one learner, written
// straight into the end-to-end server's database (assigning is another screen's job).

const dayOffset = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

export async function makeOverdue(email: string, title: string): Promise<void> {
  const db = createDbClient(E2E_DATABASE_URL);
  try {
    const { id: userId } = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const departmentId = randomUUID();
    await db.department.create({ data: { id: departmentId, name: `提醒测试部${departmentId.slice(0, 6)}`, path: `${departmentId}/`, depth: 0 } });
    await db.user.update({ where: { id: userId }, data: { departmentId } });
    const firstModule = readCourse().course.modules[0];
    await db.assignment.create({
      data: {
        title, scope: "modules", moduleSlugs: firstModule.slug, startsAt: startOfBeijingDay(dayOffset(-10)), dueAt: endOfBeijingDay(dayOffset(-2)), createdById: "e2e",
        targets: { create: [{ departmentId }] },
      },
    });
  } finally {
    await db.$disconnect();
  }
}
