import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { renderCertificatePdf } from "@/lib/certificates/pdf";
import { printedNameField } from "@/lib/certificates/schema";

const input = {
  printedName: printedNameField.parse("欧阳晓明"),
  courseName: "京东运营线上培训",
  finalScore: 93.46,
  issuedAt: new Date("2026-11-25T04:00:00Z"),
  code: "7K3QH9XW2MZP4TBC",
  verifyUrl: "https://example.com/verify/7K3QH9XW2MZP4TBC",
};

describe("certificate PDF", () => {
  it("prints the Chinese name, the title, score, date and code, readable back as text", async () => {
    const bytes = await renderCertificatePdf(input);
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    expect(pdf.numPages).toBe(1);
    const page = await pdf.getPage(1);
    const [, , width, height] = page.view;
    expect(width).toBeGreaterThan(height); // A4 landscape
    expect(Math.round(width)).toBe(842);
    const { text } = await extractText(pdf, { mergePages: true });
    const flat = text.replace(/\s+/g, "");
    for (const s of ["欧阳晓明", "京东认证运营专家证书", "京东运营线上培训", "93.4分", "2026年11月25日", "7K3Q-H9XW-2MZP-4TBC", input.verifyUrl]) {
      expect(flat).toContain(s.replace(/\s+/g, ""));
    }
  });

  it("is small (fonts subset) and byte-identical for the same certificate", async () => {
    const a = await renderCertificatePdf(input);
    const b = await renderCertificatePdf({ ...input });
    expect(a.length).toBeLessThan(200_000);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const other = await renderCertificatePdf({ ...input, printedName: printedNameField.parse("李雷") });
    expect(Buffer.from(a).equals(Buffer.from(other))).toBe(false);
  });
});
