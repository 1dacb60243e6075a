import { NextResponse } from "next/server";
import { adminOrNull } from "@/lib/auth/guards";
import { searchAssignees } from "@/lib/assignments/queries";
import { personQuerySchema } from "@/lib/assignments/schema";
import { firstIssue } from "@/lib/security/input";

const PRIVATE = { "Cache-Control": "private, no-store" };
const fail = (status: number, message: string) => NextResponse.json({ message }, { status, headers: PRIVATE });

/** The 学习任务 form's people search: learners whose name or email contains `q` (admins only). */
export async function GET(request: Request) {
  if (!(await adminOrNull())) return fail(403, "只有管理员可以管理学习任务。");
  const q = personQuerySchema.safeParse(new URL(request.url).searchParams.get("q") ?? "");
  if (!q.success) return fail(400, firstIssue(q.error));
  return NextResponse.json({ people: await searchAssignees(q.data) }, { headers: PRIVATE });
}
