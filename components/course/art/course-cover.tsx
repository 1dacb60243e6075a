import { Awning, INK, decorative } from "./palette";

/**
 * The course cover: a JD storefront in a browser window, a rising sales chart and the
 * certificate's medal, i.e. open a store, grow it, get certified. Decorative (240 × 160).
 */
export function CourseCover({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 240 160" className={className} {...decorative}>
      <rect width={240} height={160} rx={16} fill={INK.soft} />
      <circle cx={206} cy={30} r={42} fill={INK.pink} fillOpacity={0.45} />
      <circle cx={22} cy={146} r={30} fill={INK.pink} fillOpacity={0.35} />

      <rect x={20} y={24} width={132} height={104} rx={8} fill={INK.white} stroke={INK.line} strokeWidth={2} />
      <path d="M20 32 A8 8 0 0 1 28 24 H144 A8 8 0 0 1 152 32 V38 H20 Z" fill={INK.red} />
      {[30, 38, 46].map((cx) => (
        <circle key={cx} cx={cx} cy={31} r={2.5} fill={INK.white} />
      ))}
      <Awning x={32} y={46} width={108} height={10} count={9} />
      <rect x={38} y={72} width={28} height={22} rx={2} fill={INK.pink} />
      <rect x={72} y={72} width={28} height={22} rx={2} fill={INK.red} />
      <rect x={106} y={72} width={28} height={22} rx={2} fill={INK.pink} />
      <rect x={38} y={102} width={62} height={5} rx={2.5} fill={INK.line} />
      <rect x={38} y={112} width={40} height={5} rx={2.5} fill={INK.line} />

      <rect x={124} y={84} width={96} height={60} rx={8} fill={INK.white} stroke={INK.line} strokeWidth={2} />
      <rect x={136} y={120} width={12} height={14} fill={INK.pink} />
      <rect x={154} y={110} width={12} height={24} fill={INK.pink} />
      <rect x={172} y={102} width={12} height={32} fill={INK.red} />
      <rect x={190} y={94} width={12} height={40} fill={INK.red} />
      <polyline points="136,112 158,100 176,94 206,88" fill="none" stroke={INK.deep} strokeWidth={3} strokeLinecap="round" strokeLinejoin="round" />

      <path d="M186 56 L178 78 L186 74 L190 82 L196 60 Z" fill={INK.deep} />
      <path d="M206 56 L214 78 L206 74 L202 82 L196 60 Z" fill={INK.red} />
      <circle cx={196} cy={48} r={18} fill={INK.gold} />
      <circle cx={196} cy={48} r={13} fill="none" stroke={INK.white} strokeWidth={2} />
      <path d="M196 39 L198.6 45 L205 45.4 L200 49.4 L201.6 55.6 L196 52.2 L190.4 55.6 L192 49.4 L187 45.4 L193.4 45 Z" fill={INK.white} />
    </svg>
  );
}
