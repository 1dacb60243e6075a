import { notFound } from "next/navigation";
import { PreviewFrame } from "@/components/preview/preview-frame";
import { QuestionPreview } from "@/components/preview/question-preview";
import { requireStaff } from "@/lib/auth/guards";
import { moduleDir, readModuleQuiz } from "@/lib/content/banks";
import { loadCourse } from "@/lib/content/load";
import { findModule } from "@/lib/content/navigation";

type Props = { params: Promise<{ moduleSlug: string }>; searchParams: Promise<{ answers?: string }> };

export default async function QuizPreview({ params, searchParams }: Props) {
  const { moduleSlug } = await params;
  const path = `/preview/quizzes/${moduleSlug}`;
  await requireStaff(path);
  const showAnswers = (await searchParams).answers === "1";
  const course = loadCourse();
  const mod = findModule(course, moduleSlug);
  if (!mod) notFound();
  const { questions, settings, problems } = readModuleQuiz(moduleDir(course, mod.slug)!);
  return (
    <PreviewFrame title={`模块测验：${mod.title}`} path={path} showAnswers={showAnswers} problems={problems}>
      {settings.confidenceMarking ? <p className="muted">本测验使用信心标记：学员每题另选「我有多确定？」低 / 中 / 高（决策 039）。</p> : null}
      <ol className="stack review-list">
        {questions.map((q, i) => (
          <QuestionPreview key={q.id} question={q} number={i + 1} showAnswers={showAnswers} meta={`考查课程：${mod.lessons.find((l) => l.slug === q.lesson)?.title ?? q.lesson}`} />
        ))}
      </ol>
    </PreviewFrame>
  );
}
