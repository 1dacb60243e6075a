import { describe, expect, it } from "vitest";
import { duplicateQuestionProblems, isDuplicate, overlap, similarity, unitPairs, type LocatedQuestion } from "@/lib/content/duplicates";

const q = (id: string, prompt: string, options: string[], answer: string[], file = "content/assessment/part1/x.yaml", line = 1): LocatedQuestion => ({
  id,
  prompt,
  options: options.map((text, i) => ({ id: "abcdefgh"[i], text })),
  answer,
  file,
  line,
});

// The pair issue 14 found: the same store data and the same key, asked twice.
const quizSeckill = q(
  "m5-seckill-which-fails",
  "某 3 钻店铺想为一款商品报名京东秒杀：商品评分 4.7 分，可售库存 150 件，近 30 天无违规，拟定秒杀价为市场价的 6.5 折。按课程的申请条件，哪一项不达标？",
  ["可售库存", "店铺等级", "商品评分", "秒杀价格的折扣力度"],
  ["a"],
  "content/05/quiz.yaml",
  26,
);
const part1Seckill = q(
  "p1-mkt-seckill-eligibility",
  "某店铺为 3 钻，拟报名京东秒杀的商品评分 4.7，近 30 天无违规记录，可售库存 150 件，秒杀价为市场价的 6.5 折。按课件的条件，哪一项不满足？",
  ["店铺等级", "可售库存", "商品评分", "折扣力度"],
  ["b"],
  "content/assessment/part1/marketing.yaml",
  162,
);
// Same topic, same kind of question, different data and a different answer.
const part1Qualifies = q(
  "p1-rules-seckill-which-qualifies",
  "一家 3 钻店铺挑了四款商品准备报京东秒杀。按课程的申请条件，哪一款可以报名？",
  [
    "商品评分 4.5 分，可售 500 件，近 30 天无违规，秒杀价为市场价的 6 折",
    "商品评分 4.7 分，可售 300 件，近 30 天无违规，秒杀价为市场价的 6.8 折",
    "商品评分 4.9 分，可售 800 件，25 天前有一次违规记录，秒杀价为市场价的 6 折",
    "商品评分 4.8 分，可售 1000 件，近 30 天无违规，秒杀价为市场价的 8 折",
  ],
  ["b"],
);
// A budget question with a different store: the stems share most words, the answers nothing.
const quizBudget = q("m4-new-product-budget", "一款新品日均销售额 2000 元，按课程建议，它的京准通日投放预算约为多少？", ["600 元", "200 元", "300–400 元", "1000 元"], ["a"]);
const part1Budget = q(
  "p1-mkt-two-product-budget",
  "某店铺同时在京准通推两款商品：一款新品日均销售额约 3000 元，一款成熟品日均销售额约 8000 元。按课件的预算建议，两款商品每天的广告预算合计约为多少？",
  ["约 1650–2200 元", "约 2100–2500 元", "约 3300 元", "约 2850–3000 元"],
  ["b"],
);

describe("unit pairs and overlap", () => {
  it("keeps numbers whole, so 600 元 and 2100–2500 元 share nothing", () => {
    expect(overlap(unitPairs("600 元"), unitPairs("约 2100–2500 元"))).toBe(0);
    expect(unitPairs("评分 4.7")).toEqual(new Set(["评 分", "分 4.7"]));
  });

  it("measures against the shorter text and ignores punctuation and spaces", () => {
    expect(overlap(unitPairs("可售库存"), unitPairs("可售库存不足，至少需要 200 件"))).toBe(1);
    expect(overlap(unitPairs("京东，秒杀"), unitPairs("京东秒杀"))).toBe(1);
    expect(overlap(new Set(), unitPairs("京东"))).toBe(0);
  });
});

describe("isDuplicate", () => {
  it("finds the same data and the same key, whatever the option order and wording", () => {
    expect(similarity(part1Seckill, quizSeckill).key).toBe(1);
    expect(isDuplicate(part1Seckill, quizSeckill)).toBe(true);
  });

  it("lets a question on the same topic with other data and another answer pass", () => {
    expect(isDuplicate(part1Qualifies, quizSeckill)).toBe(false);
    expect(isDuplicate(part1Qualifies, part1Seckill)).toBe(false);
    const budget = similarity(part1Budget, quizBudget);
    expect(budget.stem).toBeGreaterThan(0.4); // near in wording…
    expect(budget.key).toBe(0); // …but another answer
    expect(isDuplicate(part1Budget, quizBudget)).toBe(false);
  });
});

describe("duplicateQuestionProblems", () => {
  it("reports a part-1 pair at the later question and a quiz duplicate at the part-1 question, with file:line", () => {
    const rules = { ...part1Seckill, id: "p1-rules-seckill-scenario", file: "content/assessment/part1/platform-rules.yaml", line: 198 };
    const problems = duplicateQuestionProblems([part1Seckill, part1Qualifies, rules], [quizSeckill, quizBudget]);
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual([
      "content/assessment/part1/marketing.yaml:162",
      "content/assessment/part1/platform-rules.yaml:198",
      "content/assessment/part1/platform-rules.yaml:198",
    ]);
    expect(problems[0].message).toContain("模块测验题「m5-seckill-which-fails」（content/05/quiz.yaml:26）");
    expect(problems[1].message).toContain("同一题库的「p1-mkt-seckill-eligibility」");
  });

  it("passes banks without duplicates", () => {
    expect(duplicateQuestionProblems([part1Qualifies, part1Budget], [quizSeckill, quizBudget])).toEqual([]);
  });
});
