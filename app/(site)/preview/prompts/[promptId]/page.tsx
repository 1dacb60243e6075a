import { notFound } from "next/navigation";
import { PreviewFrame } from "@/components/preview/preview-frame";
import { RubricTable } from "@/components/preview/rubric-table";
import { requireStaff } from "@/lib/auth/guards";
import { readAssessment } from "@/lib/content/banks";
import { PLAN_SECTIONS } from "@/lib/content/question-schema";

type Props = { params: Promise<{ promptId: string }>; searchParams: Promise<{ answers?: string }> };

export default async function PromptPreview({ params, searchParams }: Props) {
  const { promptId } = await params;
  const path = `/preview/prompts/${promptId}`;
  await requireStaff(path);
  const showAnswers = (await searchParams).answers === "1";
  const { content, problems } = readAssessment();
  if (problems.length) return <PreviewFrame title="方案设计题" path={path} showAnswers={showAnswers} problems={problems} />;
  const prompt = content?.prompts.find((p) => p.id === promptId);
  if (!prompt) notFound();
  return (
    <PreviewFrame title={`运营方案设计：${prompt.title}`} path={path} showAnswers={showAnswers}>
      <section className="card stack">
        <p><strong>品类：</strong>{prompt.category}</p>
        <p>{prompt.background}</p>
        <p><strong>目标：</strong></p>
        <ol>{prompt.targets.map((t) => <li key={t}>{t}</li>)}</ol>
        <p><strong>方案须包含：</strong>{PLAN_SECTIONS.join("、")}</p>
      </section>
      {showAnswers ? <RubricTable rubric={prompt.rubric} /> : null}
    </PreviewFrame>
  );
}
