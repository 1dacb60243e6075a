import { z } from "@/lib/zod";

// The props of <WorkedExample> as a trainer writes them in MDX (documented in content/README.md).
// Parsed by the component when the lesson renders and by content:check, which also runs
// lib/worked/model.ts over the result (names, formulas, the author's arithmetic).

/** A quantity's name, usable inside a formula: letters (Chinese too), digits and _, starting with a letter. */
export const NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;
export const PERCENT_TEXT = /^\d+(?:\.\d+)?%$/;

const text = (what: string) => z.string({ error: `${what}必须是文字` }).trim().min(1, `${what}不能为空`);
const name = (what: string) =>
  text(what).regex(NAME, `${what}只能由文字、数字和 _ 组成（不能有空格、括号或单位），才能在公式里引用`);
const finite = (what: string) => z.number({ error: `${what}必须是数字（不加引号）` }).finite(`${what}必须是有限的数字`);

const stepSchema = z
  .object({
    name: name("步骤的 name"),
    formula: text("步骤的 formula（公式）"),
    unit: z.string({ error: "unit 必须是文字" }).trim().optional(),
    decimals: z.number({ error: "decimals 必须是数字" }).int("decimals 必须是整数").min(0).max(4, "decimals 最多 4 位").optional(),
    tolerance: z.number({ error: "tolerance 必须是数字" }).positive("tolerance 必须大于 0").optional(),
    hint: text("hint（答错时的提示）").optional(),
  })
  .strict();

const givenValue = z.union([finite("已知量"), z.string().regex(PERCENT_TEXT, "已知量写成数字，或带 % 的文字如 \"5%\"")], {
  error: "已知量写成数字，或带 % 的文字如 \"5%\"",
});

const problemShape = {
  problem: text("problem（题目）"),
  given: z.record(name("given 中的名称"), givenValue, { error: "given 必须是对象，如 { 日均销量: 20 }" }),
  answers: z.record(name("answers 中的名称"), finite("answers 中的答案"), { error: "answers 必须是对象，如 { 安全库存: 140 }" }),
};

/** What the numbers mean (e.g. which funnel stage is weakest), shown after the solution. */
const conclusion = text("conclusion（结论）").optional();

export const workedExampleSchema = z
  .object({
    title: text("title（标题）"),
    intro: text("intro（说明）").optional(),
    steps: z.array(stepSchema, { error: "steps 必须是数组" }).min(2, "steps 至少两步（一步的题没有可以“渐隐”的步骤）"),
    worked: z.object({ ...problemShape, conclusion }, { error: "worked（完整例题）必须是对象" }).strict(),
    faded: z
      .object({ ...problemShape, blanks: z.array(name("blanks 的每一项"), { error: "blanks 必须是数组" }).min(1, "blanks 至少留一步给学员") }, { error: "faded（半完成例题）必须是对象" })
      .strict(),
    practice: z
      .object(
        { ...problemShape, ask: z.array(name("ask 的每一项"), { error: "ask 必须是数组" }).min(1).optional(), conclusion },
        { error: "practice（练习题）必须是对象" },
      )
      .strict(),
  })
  .strict();

export type WorkedExampleProps = z.infer<typeof workedExampleSchema>;
export type StepProps = WorkedExampleProps["steps"][number];
export type ProblemProps = Pick<WorkedExampleProps["worked"], "problem" | "given" | "answers">;
export type GivenValue = z.infer<typeof givenValue>;
