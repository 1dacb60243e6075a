import { NextResponse, type NextRequest } from "next/server";
import { requestUserOrNull } from "@/lib/auth/guards";
import { loadLearnerState } from "@/lib/progress/learner-state";
import { learnerStateQuerySchema } from "@/lib/progress/learner-state-types";

// Per learner, never cached: the lesson pages themselves are prerendered and the same for all.
const PRIVATE = { "Cache-Control": "private, no-store" };

function fail(status: number, message: string) {
  return NextResponse.json({ message }, { status, headers: PRIVATE });
}

export async function GET(request: NextRequest) {
  const user = await requestUserOrNull(request);
  if (!user) return fail(401, "登录已过期，请重新登录。");
  const query = learnerStateQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return fail(400, "请求无效：课程编号不正确。");
  const result = await loadLearnerState(user, query.data.lesson);
  if (!result.ok) return fail(result.status, result.message);
  return NextResponse.json(result.state, { headers: PRIVATE });
}
