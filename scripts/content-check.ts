// npm run content:check — validates every file under content/; exit 1 on any problem.
import { checkContent } from "@/lib/content/check";
import { formatProblem } from "@/lib/content/problems";

const problems = await checkContent();
if (problems.length) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`\n课程内容检查未通过：${problems.length} 个问题。`);
  process.exit(1);
}
console.log("课程内容检查通过。");
