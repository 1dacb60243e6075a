import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { PDFDocument, type PDFFont, type PDFPage, degrees, rgb } from "pdf-lib";
import QRCode from "qrcode";
import { formatIssueDate } from "@/lib/certificates/format";
import { pdfFontkit } from "@/lib/certificates/fontkit";
import { layoutName, type NameBox } from "@/lib/certificates/name-layout";
import { CERTIFICATE_TITLE, displayCode, formatScore } from "@/lib/certificates/rules";
import type { PrintedName } from "@/lib/certificates/schema";

export type CertificatePdfInput = {
  printedName: PrintedName;
  courseName: string;
  finalScore: number;
  issuedAt: Date;
  code: string;
  verifyUrl: string;
};

// Noto Sans SC (OFL) as static TrueType instances from @expo-google-fonts/noto-sans-sc, subset
// with upstream fontkit (lib/certificates/fontkit.ts), so a certificate carries only the glyphs it prints (~30 KB
// per weight) instead of 10 MB. Read from node_modules by path: the .ttf is not a JS module.
const FONT_DIR = path.join(process.cwd(), "node_modules/@expo-google-fonts/noto-sans-sc");
const fontFiles = { regular: "400Regular/NotoSansSC_400Regular.ttf", bold: "700Bold/NotoSansSC_700Bold.ttf" } as const;
let fontBytes: Promise<Record<keyof typeof fontFiles, Buffer>> | undefined;
const loadFonts = () =>
  (fontBytes ??= Promise.all([readFile(path.join(FONT_DIR, fontFiles.regular)), readFile(path.join(FONT_DIR, fontFiles.bold))]).then(([regular, bold]) => ({ regular, bold })));

const RED = rgb(0.7, 0.07, 0.09);
const GOLD = rgb(0.72, 0.56, 0.26);
const INK = rgb(0.13, 0.13, 0.15);
const GREY = rgb(0.42, 0.42, 0.45);
const PAPER = rgb(0.995, 0.985, 0.96);

const PAGE = { width: 841.89, height: 595.28 }; // A4 landscape
/** The name stays this far from either edge of the page (the borders are at 22-34 pt). */
export const NAME_MARGIN = 100;
const NAME_BOX: NameBox = { maxWidth: PAGE.width - 2 * NAME_MARGIN, maxSize: 34, oneLineMin: 22, minSize: 12 };
const NAME_LINE_HEIGHT = 1.3;

function centered(page: PDFPage, text: string, y: number, font: PDFFont, size: number, color = INK, cx = page.getWidth() / 2) {
  page.drawText(text, { x: cx - font.widthOfTextAtSize(text, size) / 2, y, size, font, color });
}

/** A round red seal: double ring, the issuer along the top arc, a star in the middle. */
function drawSeal(page: PDFPage, font: PDFFont, cx: number, cy: number, r: number) {
  const seal = { color: RED, opacity: 0.85 };
  page.drawCircle({ x: cx, y: cy, size: r, borderColor: seal.color, borderWidth: 3, borderOpacity: seal.opacity });
  page.drawCircle({ x: cx, y: cy, size: r - 6, borderColor: seal.color, borderWidth: 0.8, borderOpacity: seal.opacity });
  const text = "京东运营线上培训认证中心";
  const size = 12.5;
  const span = 220; // degrees of arc the text covers, centred on the top
  [...text].forEach((ch, i) => {
    const angle = 90 + span / 2 - (span * (i + 0.5)) / text.length;
    const rad = (angle * Math.PI) / 180;
    const rr = r - 10 - size;
    const w = font.widthOfTextAtSize(ch, size);
    // Glyph baseline tangent to the circle, its top towards the rim.
    const rot = angle - 90;
    const rotRad = (rot * Math.PI) / 180;
    const x = cx + rr * Math.cos(rad) - (w / 2) * Math.cos(rotRad);
    const y = cy + rr * Math.sin(rad) - (w / 2) * Math.sin(rotRad);
    page.drawText(ch, { x, y, size, font, color: seal.color, opacity: seal.opacity, rotate: degrees(rot) });
  });
  const star = Array.from({ length: 10 }, (_, k) => {
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    const rad = k % 2 ? r * 0.12 : r * 0.3;
    return `${k ? "L" : "M"}${(rad * Math.cos(a)).toFixed(2)} ${(rad * Math.sin(a)).toFixed(2)}`;
  }).join(" ");
  page.drawSvgPath(`${star} Z`, { x: cx, y: cy + 2, color: seal.color, opacity: seal.opacity });
  centered(page, "认证专用章", cy - r * 0.55, font, 10, seal.color, cx);
}

/** The QR code as vector squares: crisp at any zoom and no image to encode. */
function drawQr(page: PDFPage, url: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  const cell = size / (modules.size + 2);
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) page.drawRectangle({ x: x + (col + 1) * cell, y: y + size - (row + 2) * cell, width: cell, height: cell, color: INK });
    }
  }
}

/**
 * A4 landscape certificate. Deterministic: fixed metadata and dates (the issue date), pdf-lib's
 * seeded font-name suffix, so one certificate always yields the same bytes.
 */
export async function renderCertificatePdf(c: CertificatePdfInput): Promise<Uint8Array> {
  const fonts = await loadFonts();
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(pdfFontkit);
  const regular = await doc.embedFont(fonts.regular, { subset: true });
  const bold = await doc.embedFont(fonts.bold, { subset: true });
  const page = doc.addPage([PAGE.width, PAGE.height]);
  const { width: W, height: H } = page.getSize();

  page.drawRectangle({ x: 0, y: 0, width: W, height: H, color: PAPER });
  page.drawRectangle({ x: 22, y: 22, width: W - 44, height: H - 44, borderColor: RED, borderWidth: 5 });
  page.drawRectangle({ x: 34, y: 34, width: W - 68, height: H - 68, borderColor: GOLD, borderWidth: 1.2 });
  for (const [x, y] of [[34, 34], [W - 34, 34], [34, H - 34], [W - 34, H - 34]]) {
    page.drawRectangle({ x: x - 7, y: y - 7, width: 14, height: 14, color: GOLD, rotate: degrees(0) });
  }

  centered(page, "JD OPERATIONS EXPERT CERTIFICATE", H - 88, regular, 11, GOLD);
  centered(page, CERTIFICATE_TITLE, H - 140, bold, 40, RED);
  page.drawLine({ start: { x: W / 2 - 160, y: H - 160 }, end: { x: W / 2 + 160, y: H - 160 }, thickness: 1, color: GOLD });

  centered(page, "兹证明", H - 210, regular, 16, GREY);
  // A long name shrinks, then takes two lines; a second line moves the text below it down.
  const name = layoutName(c.printedName, (text) => bold.widthOfTextAtSize(text, 1), NAME_BOX);
  const firstBaseline = name.lines.length === 1 ? H - 262 : H - 248;
  name.lines.forEach((line, i) => centered(page, line.text, firstBaseline - i * name.size * NAME_LINE_HEIGHT, bold, name.size, INK));
  const dy = Math.min(0, firstBaseline - (name.lines.length - 1) * name.size * NAME_LINE_HEIGHT - (H - 262));
  const underline = Math.max(150, ...name.lines.map((line) => line.width / 2 + 10));
  page.drawLine({ start: { x: W / 2 - underline, y: H - 274 + dy }, end: { x: W / 2 + underline, y: H - 274 + dy }, thickness: 0.6, color: GREY });
  centered(page, `完成「${c.courseName}」全部课程并通过结业考核，总分 ${formatScore(c.finalScore)} 分，`, H - 314 + dy, regular, 16, INK);
  centered(page, "成绩达到认证标准，特发此证。", H - 340 + dy, regular, 16, INK);

  const left = 80;
  page.drawText(`发证日期：${formatIssueDate(c.issuedAt)}`, { x: left, y: 130, size: 12, font: regular, color: INK });
  page.drawText(`证书编号：${displayCode(c.code)}`, { x: left, y: 108, size: 12, font: regular, color: INK });
  page.drawText("扫描二维码或访问以下网址核验证书真伪：", { x: left, y: 84, size: 9, font: regular, color: GREY });
  page.drawText(c.verifyUrl, { x: left, y: 70, size: 9, font: regular, color: GREY });

  drawQr(page, c.verifyUrl, W / 2 - 45, 62, 90);
  centered(page, "扫码验证", 50, regular, 9, GREY);

  drawSeal(page, bold, W - 170, 125, 62);

  doc.setTitle(`${CERTIFICATE_TITLE} · ${c.printedName}`, { showInWindowTitleBar: true });
  doc.setAuthor(c.courseName);
  doc.setSubject(`${CERTIFICATE_TITLE} ${displayCode(c.code)}`);
  doc.setKeywords([c.code]);
  doc.setCreator("jd-course-player");
  doc.setProducer("jd-course-player (pdf-lib)");
  doc.setLanguage("zh-CN");
  doc.setCreationDate(c.issuedAt);
  doc.setModificationDate(c.issuedAt);
  return doc.save();
}
