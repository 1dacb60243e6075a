import { useId } from "react";
import { exampleProblems, solve, type SolvedProblem, type SolvedStep } from "@/lib/worked/model";
import { workedExampleSchema } from "@/lib/worked/schema";
import { AnswerField } from "./lazy";
import styles from "./worked-example.module.css";

// Worked → faded → practice (Sweller & Cooper; Kalyuga et al.): one kind of problem solved in
// full, then again with steps left for the learner, then once more with only the question.
// Everything is server-rendered; only the answer fields are client components.

// Labels start with 第 N 步 / 你的答案, never with the quantity's name, so they are told apart from
// a calculator's field on the same page (e.g. 点击率 next to 点击人数).
const withUnit = (step: SolvedStep) => (step.unit ? `${step.name}（${step.unit}）` : step.name);

function StepLines({ step, filled }: { step: SolvedStep; filled: boolean }) {
  return (
    <>
      <p className={styles.formula}>
        <span className={styles.stepName}>{step.name}</span> = {step.formula}
      </p>
      {filled ? (
        <p className={styles.formula}>
          = {step.substituted} = <strong>{step.shown}</strong>
        </p>
      ) : null}
    </>
  );
}

function Solution({ solved, conclusion }: { solved: SolvedProblem; conclusion?: string }) {
  return (
    <>
      <ol className={styles.steps}>
        {solved.steps.map((step) => (
          <li key={step.name} className={styles.step}>
            <StepLines step={step} filled />
          </li>
        ))}
      </ol>
      {conclusion ? <p className={styles.conclusion}>结论：{conclusion}</p> : null}
    </>
  );
}

function Part({ title, children }: { title: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <div className={styles.part} role="group" aria-labelledby={id}>
      <p className={styles.partTitle} id={id}>
        {title}
      </p>
      {children}
    </div>
  );
}

export function WorkedExample(props: Record<string, unknown>) {
  const titleId = useId();
  const parsed = workedExampleSchema.safeParse(props);
  // content:check refuses these before any build; a page never shows an inconsistent example.
  if (!parsed.success) throw new Error(`WorkedExample: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  const problems = exampleProblems(parsed.data);
  if (problems.length) throw new Error(`WorkedExample: ${problems.map((p) => p.message).join("; ")}`);

  const { title, intro, steps, worked, faded, practice } = parsed.data;
  const fadedSolved = solve(faded, steps);
  const practiceSolved = solve(practice, steps);
  const asked = practice.ask ?? [steps[steps.length - 1].name];
  const order = steps.map((s) => s.name).join(" → ");

  return (
    <section className={styles.worked} aria-labelledby={titleId}>
      <p className={styles.title} id={titleId}>
        {title}
      </p>
      {intro ? <p className={styles.intro}>{intro}</p> : null}

      <Part title="① 看例题：每一步怎么算">
        <p className={styles.problem}>{worked.problem}</p>
        <Solution solved={solve(worked, steps)} conclusion={worked.conclusion} />
      </Part>

      <Part title="② 跟着做：补上空着的步骤">
        <p className={styles.problem}>{faded.problem}</p>
        <ol className={styles.steps}>
          {fadedSolved.steps.map((step, index) => {
            const blank = faded.blanks.includes(step.name);
            return (
              <li key={step.name} className={styles.step}>
                <StepLines step={step} filled={!blank} />
                {blank ? (
                  <AnswerField
                    label={`第 ${index + 1} 步：${withUnit(step)}`}
                    name={step.name}
                    shown={step.shown}
                    rule={step.rule}
                    hint={step.hint}
                    fallbackHint={`把题目里的数字代入「${step.formula}」，再算一次。`}
                  />
                ) : null}
              </li>
            );
          })}
        </ol>
      </Part>

      <Part title="③ 自己练：独立算出答案">
        <p className={styles.problem}>{practice.problem}</p>
        {practiceSolved.steps
          .filter((step) => asked.includes(step.name))
          .map((step) => (
            <AnswerField
              key={step.name}
              label={`你的答案：${withUnit(step)}`}
              name={step.name}
              shown={step.shown}
              rule={step.rule}
              hint={step.hint}
              fallbackHint={`按例题的顺序一步步算：${order}。也可以展开下面的“查看解答”。`}
            />
          ))}
        <details className={styles.solution}>
          <summary>查看解答</summary>
          <Solution solved={practiceSolved} conclusion={practice.conclusion} />
        </details>
      </Part>
    </section>
  );
}
