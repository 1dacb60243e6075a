import { describe, expect, it } from "vitest";
import { printableName, printedNameField, printedNameSchema } from "./schema";

describe("printed name", () => {
  it("takes a person's name of letters, spaces, middle dots, hyphens and apostrophes, up to 50 characters", () => {
    for (const name of ["欧阳晓明", "阿卜杜·热合曼", "Anne-Marie O'Brien", "J. R. R. Tolkien", "龘".repeat(50)]) {
      expect(printedNameField.safeParse(name).success, name).toBe(true);
    }
    expect(printedNameSchema.parse({ attemptId: "a1", printedName: "  王小丫 " }).printedName).toBe("王小丫");
  });

  it("refuses digits, symbols, control and bidi characters, punctuation alone, and 51 characters", () => {
    for (const name of ["学员1号", "=HYPERLINK()", "王\u202e丫", "王\u200d丫", "·-.", "", "龘".repeat(51)]) {
      expect(printedNameField.safeParse(name).success, JSON.stringify(name)).toBe(false);
    }
    expect(printedNameField.safeParse("学员1号").error?.issues[0]?.message).toContain("只能包含文字");
  });

  it("prints a valid account name unchanged and cleans one that is not, or gives up", () => {
    expect(printableName("王小丫")).toBe("王小丫");
    expect(printableName("学员1号")).toBe("学员 号");
    expect(printableName("  王\u202e小\u0000丫\t")).toBe("王 小 丫");
    expect(printableName("张三(销售部)")).toBe("张三 销售部");
    expect(printableName("名".repeat(100_000))).toBe("名".repeat(50));
    expect(printableName("12345")).toBeNull();
    expect(printableName("")).toBeNull();
  });
});
