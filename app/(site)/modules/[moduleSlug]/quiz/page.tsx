import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { loadModuleQuiz } from "@/lib/content/banks";
import { loadCourse } from "@/lib/content/load";
import { findModule, moduleHref } from "@/lib/content/navigation";
import { publicQuestion } from "@/lib/quiz/public";
import { seededRandom, shuffle } from "@/lib/quiz/random";
import { QuizForm } from "./_components/quiz-form";

type Props = { params: Promise<{ moduleSlug: string }> };

export const metadata: Metadata = { title: "模块测验" };

export default async function QuizPage({ params }: Props) {
  const { moduleSlug } = await params;
  await requireUser(`/modules/${moduleSlug}/quiz`);
  const course = loadCourse();
  const mod = findModule(course, moduleSlug);
  if (!mod) notFound();
  // Options are reshuffled on every visit, so a retry is not a matter of remembering positions.
  const random = seededRandom(randomUUID());
  const questions = loadModuleQuiz(course, mod.slug).map((q) =>
    publicQuestion(q, shuffle(q.options.map((o) => o.id), random)),
  );
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
      </section>
      <QuizForm moduleSlug={mod.slug} questions={questions} />
    </>
  );
}
