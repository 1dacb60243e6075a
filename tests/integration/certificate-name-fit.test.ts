import { describe, expect, it } from "vitest";
import { getDocumentProxy } from "unpdf";
import { NAME_MARGIN, renderCertificatePdf } from "@/lib/certificates/pdf";
import { printedNameField } from "@/lib/certificates/schema";

const input = {
  courseName: "京东运营线上培训",
  finalScore: 93.46,
  issuedAt: new Date("2026-11-25T04:00:00Z"),
  code: "7K3QH9XW2MZP4TBC",
  verifyUrl: "https://example.com/verify/7K3QH9XW2MZP4TBC",
};

type TextItem = { str: string; transform: number[]; width: number };

/** The text runs of the rendered page that belong to the name (its characters only), with their boxes. */
async function nameRuns(name: string) {
  const pdf = await getDocumentProxy(new Uint8Array(await renderCertificatePdf({ ...input, printedName: printedNameField.parse(name) })));
  const page = await pdf.getPage(1);
  const [, , pageWidth] = page.view as number[];
  const { items } = await page.getTextContent();
  const chars = new Set(name.replace(/ /g, ""));
  const runs = (items as TextItem[])
    .filter((item) => item.str.trim() && [...item.str.replace(/ /g, "")].every((ch) => chars.has(ch)))
    .map((item) => ({ text: item.str, left: item.transform[4]!, right: item.transform[4]! + item.width, y: item.transform[5]!, size: Math.hypot(item.transform[0]!, item.transform[1]!) }));
  return { runs, pageWidth: pageWidth! };
}

describe("a long printed name on the certificate PDF", () => {
  const cases = {
    "30 wide characters": "龘".repeat(30),
    "50 wide characters": "龘".repeat(50),
    "50 mixed characters": "欧阳·Anne-Marie O'Brien 阿卜杜热合曼 Wolfgang 司马相如",
  };
  for (const [label, name] of Object.entries(cases)) {
    it(`keeps ${label} whole and inside the page margins`, async () => {
      expect([...name].length).toBeLessThanOrEqual(50);
      const { runs, pageWidth } = await nameRuns(name);
      expect(runs.map((r) => r.text).join("").replace(/\s+/g, "")).toBe(name.replace(/\s+/g, ""));
      for (const run of runs) {
        expect(run.left).toBeGreaterThanOrEqual(NAME_MARGIN - 0.5);
        expect(run.right).toBeLessThanOrEqual(pageWidth - NAME_MARGIN + 0.5);
        expect(run.size).toBeGreaterThanOrEqual(12);
      }
    });
  }

  it("prints a short name on one line at full size", async () => {
    const { runs } = await nameRuns("欧阳晓明");
    expect(runs).toHaveLength(1);
    expect(runs[0]!.size).toBeCloseTo(34, 0);
  });
});
