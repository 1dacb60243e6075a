import { describe, expect, it } from "vitest";
import { exampleProblems, solve } from "@/lib/worked/model";
import { workedExampleSchema, type WorkedExampleProps } from "@/lib/worked/schema";

function example(): WorkedExampleProps {
  return {
    title: "算结算金额",
    steps: [
      { name: "平台佣金", formula: "订单金额 × 扣点比例", unit: "元" },
      { name: "结算金额", formula: "订单金额 − 平台佣金 − 退款金额", unit: "元" },
      { name: "退款占比", formula: "退款金额 ÷ 订单金额", unit: "%" },
    ],
    worked: { problem: "订单金额 50,000 元，扣点 4%，退款 2,500 元。", given: { 订单金额: 50000, 扣点比例: "4%", 退款金额: 2500 }, answers: { 平台佣金: 2000, 结算金额: 45500, 退款占比: 5 } },
    faded: {
      problem: "订单金额 8000 元，扣点 6%，退款 300 元。",
      given: { 订单金额: 8000, 扣点比例: "6%", 退款金额: 300 },
      answers: { 平台佣金: 480, 结算金额: 7220, 退款占比: 3.75 },
      blanks: ["结算金额"],
    },
    practice: { problem: "订单金额 3,000 元，扣点 9%，退款 90 元。", given: { 订单金额: 3000, 扣点比例: "9%", 退款金额: 90 }, answers: { 平台佣金: 270, 结算金额: 2640, 退款占比: 3 } },
  };
}
const messages = (e: WorkedExampleProps) => exampleProblems(e).map((p) => `${p.path.join(".")}: ${p.message}`);

describe("workedExampleSchema", () => {
  it("accepts a well-formed example", () => {
    expect(workedExampleSchema.safeParse(example()).success).toBe(true);
  });

  it("refuses numbers written as text, names a formula cannot use, a single step, no blanks and unknown props", () => {
    const bad = { ...example(), color: "red", steps: [{ name: "平台 佣金", formula: "1" }] } as Record<string, unknown>;
    (bad.worked as Record<string, unknown>).answers = { 平台佣金: "2000" };
    (bad.faded as Record<string, unknown>).blanks = [];
    const result = workedExampleSchema.safeParse(bad);
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^steps: steps 至少两步/),
        expect.stringMatching(/^steps\.0\.name: .*不能有空格/),
        expect.stringMatching(/^worked\.answers\.平台佣金: .*必须是数字/),
        expect.stringMatching(/^faded\.blanks: blanks 至少留一步/),
        expect.stringMatching(/color/),
      ]),
    );
  });
});

describe("exampleProblems", () => {
  it("finds nothing wrong with consistent arithmetic", () => {
    expect(messages(example())).toEqual([]);
  });

  it("names a step whose answer does not follow from its formula, with both numbers and the tolerance", () => {
    const e = example();
    e.faded.answers.结算金额 = 7250;
    expect(messages(e)).toEqual(["faded.answers.结算金额: 半完成例题第 2 步「结算金额」：按公式 订单金额 − 平台佣金 − 退款金额 算得 7,220，与写的 7250 不符（允许误差 ±0.5）"]);
  });

  it("checks a % step as a percentage and rounds to the answer's own decimals", () => {
    const e = example();
    e.faded.answers.退款占比 = 3.8; // 300 ÷ 8000 = 3.75%: 3.8 is within ±0.05
    expect(messages(e)).toEqual([]);
    e.faded.answers.退款占比 = 0.0375;
    expect(messages(e)).toEqual([expect.stringContaining("算得 3.75，与写的 0.0375 不符")]);
  });

  it("uses the author's shown answers of earlier steps in later ones", () => {
    const e = example();
    e.worked.answers.平台佣金 = 2100; // wrong, and the next step built on it is then consistent
    e.worked.answers.结算金额 = 45400;
    expect(messages(e)).toEqual([expect.stringMatching(/^worked\.answers\.平台佣金: .*算得 2,000/)]);
  });

  it("requires every given a formula uses, in the problem text too, and refuses unused or misplaced ones", () => {
    const e = example();
    delete (e.practice.given as Record<string, unknown>).退款金额;
    e.faded.given.折扣 = "80%";
    e.worked.problem = "订单金额 50,000 元，扣点 4%，退款 2,600 元。";
    expect(messages(e)).toEqual(
      expect.arrayContaining([
        "practice.given: 练习题的 given 缺少「退款金额」（公式里用到了它）",
        "faded.given.折扣: 半完成例题的已知量「折扣」没有被任何公式用到：检查名称是否写错",
        "worked.problem: 完整例题的题目里没有出现已知量「退款金额」的数值 2,500",
      ]),
    );
  });

  it("refuses formulas that do not parse, use a later step, and duplicate names", () => {
    const e = example();
    e.steps[0].formula = "订单金额 × 结算金额";
    e.steps[2].formula = "退款金额 ÷ ";
    e.steps.push({ name: "平台佣金", formula: "1 + 1" });
    const found = messages(e);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^steps\.0\.formula: 第 1 步用到了「结算金额」，它要到第 2 步才算出/),
        expect.stringMatching(/^steps\.2\.formula: 第 3 步「退款占比」：公式不完整/),
        "steps.3.name: 步骤名称「平台佣金」重复了",
      ]),
    );
  });

  it("refuses blanks and asks that are not steps, all steps blank, and repeated numbers", () => {
    const e = example();
    e.faded.blanks = ["结算金额", "平台佣金", "退款占比", "利润"];
    e.practice.ask = ["利润"];
    e.practice.given = { ...e.worked.given };
    e.practice.problem = e.worked.problem;
    e.practice.answers = { ...e.worked.answers };
    expect(messages(e)).toEqual([
      "faded.blanks.3: blanks 中的「利润」不是 steps 里的步骤",
      "faded.blanks: blanks 不能留空全部步骤：至少保留一步示范（全部留空就是练习题）",
      "practice.ask.0: ask 中的「利润」不是 steps 里的步骤",
      "practice.given: 练习题的已知数与前面的例题完全相同：换一组数字",
    ]);
  });

  it("refuses an answer with more decimals than the step allows, and a division by zero", () => {
    const e = example();
    e.steps[2].decimals = 1;
    e.practice.given.订单金额 = 0;
    e.practice.problem = "订单金额 0 元，扣点 9%，退款 90 元。";
    const found = messages(e);
    expect(found).toEqual(expect.arrayContaining([expect.stringContaining("3.75 超过了 decimals 规定的 1 位小数"), expect.stringContaining("除以 0")]));
  });
});

describe("solve", () => {
  it("writes each step out with this problem's numbers, percentages as the author wrote them", () => {
    const solved = solve(example().faded, example().steps);
    expect(solved.steps.map((s) => `${s.name} = ${s.formula} = ${s.substituted} = ${s.shown}`)).toEqual([
      "平台佣金 = 订单金额 × 扣点比例 = 8,000 × 6% = 480 元",
      "结算金额 = 订单金额 − 平台佣金 − 退款金额 = 8,000 − 480 − 300 = 7,220 元",
      "退款占比 = 退款金额 ÷ 订单金额 = 300 ÷ 8,000 = 3.75%",
    ]);
    expect(solved.steps[2].rule).toEqual({ answer: 3.75, decimals: 2, tolerance: 0.005, unit: "%" });
  });
});
