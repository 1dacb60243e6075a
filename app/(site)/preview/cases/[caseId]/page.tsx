import { notFound } from "next/navigation";
import { LessonBody } from "@/components/mdx/lesson-body";
import { PreviewFrame } from "@/components/preview/preview-frame";
import { QuestionPreview } from "@/components/preview/question-preview";
import { RubricTable } from "@/components/preview/rubric-table";
import { requireStaff } from "@/lib/auth/guards";
import { readAssessment } from "@/lib/content/banks";
import { compileLesson } from "@/lib/content/compile";
import { ContentError } from "@/lib/content/problems";

type Props = { params: Promise<{ caseId: string }>; searchParams: Promise<{ answers?: string }> };

export default async function CasePreview({ params, searchParams }: Props) {
  const { caseId } = await params;
  const path = `/preview/cases/${caseId}`;
  await requireStaff(path);
  const showAnswers = (await searchParams).answers === "1";
  const { content, problems } = readAssessment();
  if (problems.length) return <PreviewFrame title="实操案例" path={path} showAnswers={showAnswers} problems={problems} />;
  const study = content?.cases.find((c) => c.id === caseId);
  if (!study) notFound();
  const compiled = await compileLesson(study.data, `案例 ${study.id}`).catch((error) => {
    if (error instanceof ContentError) return error;
    throw error;
  });
  if (compiled instanceof ContentError) return <PreviewFrame title={study.title} path={path} showAnswers={showAnswers} problems={compiled.problems} />;
  return (
    <PreviewFrame title={`实操案例：${study.title}`} path={path} showAnswers={showAnswers}>
      <div className="lesson case-data">
        <LessonBody code={compiled.code} />
      </div>
      <ol className="stack review-list">
        {study.questions.map((q, i) =>
          q.kind === "choice" ? (
            <QuestionPreview key={q.id} question={q} number={i + 1} showAnswers={showAnswers} meta={`自动评分 ${q.points} 分`} />
          ) : (
            <li key={q.id} className="card review">
              <p className="question__prompt">{i + 1}. {q.prompt}</p>
              <p className="muted">书面作答，由讲师按评分细则批阅。</p>
            </li>
          ),
        )}
      </ol>
      {showAnswers ? <RubricTable rubric={study.rubric} /> : null}
    </PreviewFrame>
  );
}
