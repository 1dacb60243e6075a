import { describe, expect, it } from "vitest";
import { keyBalanceProblems, type KeyedQuestion } from "@/lib/content/key-balance";

const single = (...keys: string[]): KeyedQuestion[] => keys.map((k, i) => ({ type: "single", answer: [k], file: "quiz.yaml", line: 10 * (i + 1) }));
const multiple = (...sets: string[][]): KeyedQuestion[] =>
  sets.map((answer, i) => ({ type: "multiple", answer, file: "quiz.yaml", line: 100 + 10 * i }));

describe("keyBalanceProblems", () => {
  it("accepts 40% on one position and refuses more, naming the position, the shares and the first such question", () => {
    expect(keyBalanceProblems(single("a", "a", "b", "c", "d"), "本测验")).toEqual([]);
    const [problem, ...rest] = keyBalanceProblems(single("b", "a", "a", "c", "a"), "本测验");
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: "quiz.yaml", line: 20 });
    expect(problem.message).toContain("单选题答案偏向 a：本测验 5 道单选题中 3 道（60%）的答案是 a");
    expect(problem.message).toContain("各位置占比：a 60%、b 20%、c 20%");
  });

  it("leaves banks with fewer than 5 single-choice keys alone", () => {
    expect(keyBalanceProblems(single("a", "a", "a", "a"), "本测验")).toEqual([]);
  });

  it("refuses one answer set holding more than 40% of the multiple-choice keys, in any written order", () => {
    expect(keyBalanceProblems(multiple(["a", "b"], ["a", "c"], ["b", "c", "d"]), "全部案例")).toEqual([]);
    const [problem] = keyBalanceProblems(multiple(["a", "c"], ["b", "a"], ["a", "b"]), "全部案例");
    expect(problem).toMatchObject({ line: 110 });
    expect(problem.message).toContain("多选题答案组合偏向 a,b：全部案例 3 道多选题中 2 道（67%）的答案都是 a,b");
    expect(problem.message).toContain("各组合占比：a,b 67%、a,c 33%");
    expect(keyBalanceProblems(multiple(["a", "b"], ["a", "b"]), "全部案例")).toEqual([]);
  });

  it("counts single and multiple keys apart", () => {
    const bank = [...single("a", "a", "b", "c", "d"), ...multiple(["a", "b"], ["a", "c"], ["b", "d"])];
    expect(keyBalanceProblems(bank, "本文件")).toEqual([]);
  });
});
