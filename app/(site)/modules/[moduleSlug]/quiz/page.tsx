import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { ConfidenceRules } from "@/components/quiz/confidence-rules";
import { loadModuleQuiz, loadModuleQuizSettings } from "@/lib/content/banks";
import { loadCourse } from "@/lib/content/load";
import { findModule, moduleHref } from "@/lib/content/navigation";
import { newSitting } from "@/lib/quiz/sitting";
import { QuizForm } from "./_components/quiz-form";

type Props = { params: Promise<{ moduleSlug: string }> };

export const metadata: Metadata = { title: "模块测验" };

export default async function QuizPage({ params }: Props) {
  const { moduleSlug } = await params;
  const user = await requireUser(`/modules/${moduleSlug}/quiz`);
  const course = loadCourse();
  const mod = findModule(course, moduleSlug);
  if (!mod) notFound();
  // Every visit is a new sitting: options reshuffled and renamed, so neither positions nor the
  // tokens of an earlier sitting say anything about the key.
  const { sittingId, questions } = newSitting(user.id, mod.slug, loadModuleQuiz(course, mod.slug));
  const { confidenceMarking } = loadModuleQuizSettings(course, mod.slug);
  return (
    <>
      <nav className="breadcrumb" aria-label="位置">
        <Link href="/">课程首页</Link> / <Link href={moduleHref(mod)}>{mod.title}</Link>
      </nav>
      <section className="card stack">
        <h1>模块测验：{mod.title}</h1>
        <p className="muted">
          共 {questions.length} 题。多选题须选出全部正确选项且不选错误选项才得分。提交后可以看到每题的对错、解析和对应课程，可反复练习。
        </p>
        {confidenceMarking ? <ConfidenceRules /> : null}
      </section>
      <QuizForm moduleSlug={mod.slug} sittingId={sittingId} questions={questions} confidenceMarking={confidenceMarking} />
    </>
  );
}
