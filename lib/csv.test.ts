import { describe, expect, it } from "vitest";
import { csvText, neutraliseCell } from "@/lib/csv";

describe("CSV cells", () => {
  it("prefix text that a spreadsheet would run as a formula with an apostrophe", () => {
    for (const text of ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"http://x\",\"点我\")"]) {
      expect(neutraliseCell(text)).toBe(`'${text}`);
    }
  });

  it("leave other text alone, including a formula character later in the cell", () => {
    for (const text of ["张三", "a=b", "1-2", "zhang@example.com", "", " =1", "'=1"]) expect(neutraliseCell(text)).toBe(text);
  });

  it("are written as RFC 4180 CSV with CRLF, strings neutralised, numbers as numbers", () => {
    const csv = csvText([["姓名", "分差"], ["=cmd|' /C calc'!A0", -3.5], ["-李雷", 0], ["a,\"b\"", null]], { bom: true });
    expect(csv.startsWith("\uFEFF姓名,分差\r\n")).toBe(true);
    expect(csv).toBe("\uFEFF姓名,分差\r\n'=cmd|' /C calc'!A0,-3.5\r\n'-李雷,0\r\n\"a,\"\"b\"\"\",\r\n");
  });
});
