import { PreviewFrame } from "@/components/preview/preview-frame";
import { QuestionPreview } from "@/components/preview/question-preview";
import { requireStaff } from "@/lib/auth/guards";
import { readAssessment } from "@/lib/content/banks";
import { AREAS } from "@/lib/content/question-schema";

type Props = { searchParams: Promise<{ answers?: string }> };

export default async function Part1Preview({ searchParams }: Props) {
  await requireStaff("/preview/part1");
  const showAnswers = (await searchParams).answers === "1";
  const { content, problems } = readAssessment();
  return (
    <PreviewFrame title="理论知识测试题库" path="/preview/part1" showAnswers={showAnswers} problems={problems}>
      {AREAS.map((area) => {
        const questions = content?.part1.filter((q) => q.area === area) ?? [];
        return (
          <section key={area}>
            <h2>
              {area}（{questions.length} 题，每次抽 {content?.config.part1Draw[area] ?? 0} 题）
            </h2>
            <ol className="stack review-list">
              {questions.map((q, i) => (
                <QuestionPreview key={q.id} question={q} number={i + 1} showAnswers={showAnswers} meta={`主题 ${q.topic}`} />
              ))}
            </ol>
          </section>
        );
      })}
    </PreviewFrame>
  );
}
