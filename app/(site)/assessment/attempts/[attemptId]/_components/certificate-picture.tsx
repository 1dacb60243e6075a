import QRCode from "qrcode";
import { formatIssueDate } from "@/lib/certificates/format";
import { layoutName } from "@/lib/certificates/name-layout";
import { CERTIFICATE_TITLE, displayCode, formatScore } from "@/lib/certificates/rules";

// A picture of the learner's certificate, drawn here as SVG in the PDF's own coordinates
// (lib/certificates/pdf.ts: A4 landscape in points, y growing downwards here instead of upwards)
// so the two read alike: borders, title, name, score, date, code, QR code and seal.

const W = 841.89;
const H = 595.28;
const RED = "#b3121a";
const GOLD = "#b88f42";
const INK = "#212126";
const GREY = "#6b6b73";
const NAME_BOX = { maxWidth: W - 200, maxSize: 34, oneLineMin: 22, minSize: 12 };
// The page font's advance in em: CJK and full-width characters 1, the rest about 0.56.
const unitWidth = (text: string) => [...text].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) ? 1 : 0.56), 0);

type Props = { printedName: string | null; courseName: string; finalScore: number; issuedAt: Date; code: string; verifyUrl: string };

function Qr({ url, x, y, size }: { url: string; x: number; y: number; size: number }) {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  const cell = size / (modules.size + 2);
  let path = "";
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) path += `M${(col + 1) * cell} ${(row + 1) * cell}h${cell}v${cell}h-${cell}z`;
  }
  return (
    <g transform={`translate(${x} ${y})`}>
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill={INK} shapeRendering="crispEdges" />
    </g>
  );
}

function Seal({ cx, cy, r }: { cx: number; cy: number; r: number }) {
  const star = Array.from({ length: 10 }, (_, k) => {
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    const rad = k % 2 ? r * 0.12 : r * 0.3;
    return `${k ? "L" : "M"}${(cx + rad * Math.cos(a)).toFixed(2)} ${(cy - 2 + rad * Math.sin(a)).toFixed(2)}`;
  }).join(" ");
  const arc = r - 22;
  return (
    <g opacity={0.85} fill={RED}>
      <circle cx={cx} cy={cy} r={r} fill="none" stroke={RED} strokeWidth={3} />
      <circle cx={cx} cy={cy} r={r - 6} fill="none" stroke={RED} strokeWidth={0.8} />
      <path id="seal-arc" d={`M${cx - arc * Math.cos(0.35)} ${cy + arc * Math.sin(0.35)} A${arc} ${arc} 0 1 1 ${cx + arc * Math.cos(0.35)} ${cy + arc * Math.sin(0.35)}`} fill="none" />
      <text fontSize={12.5} fontWeight={700}>
        <textPath href="#seal-arc" startOffset="50%" textAnchor="middle">
          京东运营线上培训认证中心
        </textPath>
      </text>
      <path d={`${star} Z`} />
      <text x={cx} y={cy + r * 0.55 + 4} fontSize={10} fontWeight={700} textAnchor="middle">
        认证专用章
      </text>
    </g>
  );
}

export function CertificatePicture({ printedName, courseName, finalScore, issuedAt, code, verifyUrl }: Props) {
  const name = printedName ?? "（请填写证书姓名）";
  const layout = layoutName(name, unitWidth, NAME_BOX);
  const firstBaseline = layout.lines.length === 1 ? 262 : 248;
  const dy = Math.max(0, (layout.lines.length - 1) * layout.size * 1.3 - 14);
  const score = formatScore(finalScore);
  const date = formatIssueDate(issuedAt);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`证书预览：${CERTIFICATE_TITLE}，${name}，总分 ${score} 分，发证日期 ${date}，证书编号 ${displayCode(code)}`} style={{ width: "100%", height: "auto", display: "block" }}>
      <rect width={W} height={H} fill="#fefbf5" />
      <rect x={22} y={22} width={W - 44} height={H - 44} fill="none" stroke={RED} strokeWidth={5} />
      <rect x={34} y={34} width={W - 68} height={H - 68} fill="none" stroke={GOLD} strokeWidth={1.2} />
      {[[34, 34], [W - 34, 34], [34, H - 34], [W - 34, H - 34]].map(([x, y]) => (
        <rect key={`${x}-${y}`} x={x - 7} y={y - 7} width={14} height={14} fill={GOLD} />
      ))}
      <g textAnchor="middle" fill={INK}>
        <text x={W / 2} y={88} fontSize={11} fill={GOLD} letterSpacing={1}>JD OPERATIONS EXPERT CERTIFICATE</text>
        <text x={W / 2} y={140} fontSize={40} fontWeight={700} fill={RED}>{CERTIFICATE_TITLE}</text>
        <line x1={W / 2 - 160} y1={160} x2={W / 2 + 160} y2={160} stroke={GOLD} strokeWidth={1} />
        <text x={W / 2} y={210} fontSize={16} fill={GREY}>兹证明</text>
        {layout.lines.map((line, i) => (
          <text key={i} x={W / 2} y={firstBaseline + i * layout.size * 1.3} fontSize={layout.size} fontWeight={700} fill={printedName ? INK : GREY}>
            {line.text}
          </text>
        ))}
        <line x1={W / 2 - 150} y1={274 + dy} x2={W / 2 + 150} y2={274 + dy} stroke={GREY} strokeWidth={0.6} />
        <text x={W / 2} y={314 + dy} fontSize={16}>完成「{courseName}」全部课程并通过结业考核，总分 {score} 分，</text>
        <text x={W / 2} y={340 + dy} fontSize={16}>成绩达到认证标准，特发此证。</text>
      </g>
      <g fill={INK} fontSize={12}>
        <text x={80} y={H - 130}>发证日期：{date}</text>
        <text x={80} y={H - 108}>证书编号：{displayCode(code)}</text>
        <text x={80} y={H - 84} fontSize={9} fill={GREY}>扫描二维码或访问证书核验网址核验真伪</text>
      </g>
      <Qr url={verifyUrl} x={W / 2 - 45} y={H - 152} size={90} />
      <text x={W / 2} y={H - 50} fontSize={9} fill={GREY} textAnchor="middle">扫码验证</text>
      <Seal cx={W - 170} cy={H - 125} r={62} />
    </svg>
  );
}
