import type { ReactNode } from "react";
import { Awning, INK, decorative } from "./palette";

// One simple geometric drawing per module, drawn by us (decision: no downloaded artwork).
// Keyed by the module's folder slug; a module added later gets the open book until drawn.

const Store = () => (
  <>
    <rect x={44} y={8} width={32} height={8} rx={2} fill={INK.deep} />
    <rect x={28} y={30} width={64} height={38} fill={INK.white} stroke={INK.deep} strokeWidth={2} />
    <Awning x={24} y={18} width={72} height={10} count={8} />
    <rect x={34} y={40} width={12} height={12} rx={1} fill={INK.pink} />
    <rect x={74} y={40} width={12} height={12} rx={1} fill={INK.pink} />
    <rect x={52} y={44} width={16} height={24} fill={INK.red} />
    <circle cx={64} cy={57} r={1.5} fill={INK.white} />
    <path d="M14 68 H106" stroke={INK.grey} strokeWidth={2} strokeLinecap="round" />
  </>
);

const Products = () => (
  <>
    <rect x={16} y={42} width={32} height={26} fill={INK.pink} stroke={INK.deep} strokeWidth={2} />
    <path d="M32 42 V54" stroke={INK.deep} strokeWidth={2} />
    <rect x={22} y={22} width={22} height={20} fill={INK.white} stroke={INK.deep} strokeWidth={2} />
    <path d="M56 30 H92 L96 68 H52 Z" fill={INK.red} />
    <path d="M64 30 V24 A10 10 0 0 1 84 24 V30" fill="none" stroke={INK.deep} strokeWidth={3} />
    <circle cx={74} cy={48} r={6} fill={INK.white} />
    <g transform="rotate(-20 102 20)">
      <rect x={92} y={13} width={22} height={14} rx={3} fill={INK.gold} />
      <circle cx={97} cy={20} r={2} fill={INK.white} />
    </g>
  </>
);

const Shield = () => (
  <>
    <rect x={18} y={14} width={40} height={52} rx={4} fill={INK.white} stroke={INK.line} strokeWidth={2} />
    {[24, 32, 40, 48].map((y, i) => (
      <rect key={y} x={25} y={y} width={i % 2 ? 18 : 26} height={3} rx={1.5} fill={INK.line} />
    ))}
    <path d="M80 10 L104 18 V36 C104 52 94 62 80 68 C66 62 56 52 56 36 V18 Z" fill={INK.red} />
    <path d="M69 38 L77 46 L92 30" fill="none" stroke={INK.white} strokeWidth={5} strokeLinecap="round" strokeLinejoin="round" />
  </>
);

const Search = () => (
  <>
    <rect x={12} y={10} width={74} height={58} rx={6} fill={INK.white} stroke={INK.line} strokeWidth={2} />
    <rect x={20} y={18} width={58} height={10} rx={5} fill={INK.soft} stroke={INK.pink} />
    <rect x={20} y={35} width={10} height={7} rx={1.5} fill={INK.gold} />
    <rect x={34} y={37} width={34} height={3} rx={1.5} fill={INK.line} />
    <rect x={20} y={47} width={48} height={3} rx={1.5} fill={INK.line} />
    <rect x={20} y={56} width={32} height={3} rx={1.5} fill={INK.line} />
    <circle cx={86} cy={44} r={14} fill={INK.white} fillOpacity={0.7} stroke={INK.red} strokeWidth={6} />
    <path d="M96 54 L108 66" stroke={INK.deep} strokeWidth={8} strokeLinecap="round" />
  </>
);

const Campaign = () => (
  <>
    <rect x={18} y={33} width={14} height={14} rx={2} fill={INK.deep} />
    <path d="M32 34 L70 16 V64 L32 46 Z" fill={INK.red} />
    <ellipse cx={70} cy={40} rx={5} ry={24} fill={INK.deep} />
    <path d="M34 47 L38 62 H46 L42 48 Z" fill={INK.deep} />
    <path d="M82 30 Q90 40 82 50" fill="none" stroke={INK.red} strokeWidth={3} strokeLinecap="round" />
    <path d="M90 22 Q104 40 90 58" fill="none" stroke={INK.pink} strokeWidth={3} strokeLinecap="round" />
    <circle cx={102} cy={14} r={3} fill={INK.gold} />
    <circle cx={16} cy={16} r={3} fill={INK.pink} />
    <rect x={100} y={62} width={6} height={6} fill={INK.gold} transform="rotate(30 103 65)" />
  </>
);

const Charts = () => (
  <>
    <path d="M16 66 H72 M16 66 V12" stroke={INK.grey} strokeWidth={2} strokeLinecap="round" />
    <rect x={22} y={46} width={8} height={20} fill={INK.pink} />
    <rect x={34} y={36} width={8} height={30} fill={INK.pink} />
    <rect x={46} y={28} width={8} height={38} fill={INK.red} />
    <rect x={58} y={20} width={8} height={46} fill={INK.red} />
    <polyline points="26,38 38,30 50,22 64,12" fill="none" stroke={INK.deep} strokeWidth={3} strokeLinejoin="round" />
    <circle cx={92} cy={40} r={18} fill={INK.pink} />
    <path d="M92 40 V22 A18 18 0 0 1 109.1 45.6 Z" fill={INK.red} />
    <circle cx={92} cy={40} r={7} fill={INK.soft} />
  </>
);

const Warehouse = () => (
  <>
    <path d="M12 34 L44 18 L76 34 V66 H12 Z" fill={INK.white} stroke={INK.deep} strokeWidth={2} strokeLinejoin="round" />
    <rect x={28} y={42} width={32} height={24} fill={INK.soft} stroke={INK.deep} strokeWidth={2} />
    {[48, 54, 60].map((y) => (
      <path key={y} d={`M28 ${y} H60`} stroke={INK.pink} strokeWidth={2} />
    ))}
    <rect x={82} y={52} width={14} height={14} fill={INK.pink} stroke={INK.deep} strokeWidth={1.5} />
    <rect x={96} y={52} width={14} height={14} fill={INK.pink} stroke={INK.deep} strokeWidth={1.5} />
    <rect x={89} y={38} width={14} height={14} fill={INK.red} stroke={INK.deep} strokeWidth={1.5} />
    <circle cx={100} cy={22} r={12} fill={INK.gold} />
    <path d="M95 15 L100 22 L105 15 M100 22 V31 M95 24 H105 M95 28 H105" fill="none" stroke={INK.white} strokeWidth={2} strokeLinecap="round" />
  </>
);

const Team = () => (
  <>
    <circle cx={28} cy={40} r={7} fill={INK.pink} />
    <path d="M16 66 A12 12 0 0 1 40 66 Z" fill={INK.pink} />
    <circle cx={70} cy={40} r={7} fill={INK.pink} />
    <path d="M58 66 A12 12 0 0 1 82 66 Z" fill={INK.pink} />
    <circle cx={49} cy={32} r={9} fill={INK.red} />
    <path d="M34 66 A15 15 0 0 1 64 66 Z" fill={INK.red} />
    <polyline points="84,54 94,40 100,46 110,22" fill="none" stroke={INK.deep} strokeWidth={4} strokeLinecap="round" strokeLinejoin="round" />
    <path d="M103 22 L111 20 L112 28" fill="none" stroke={INK.deep} strokeWidth={4} strokeLinecap="round" strokeLinejoin="round" />
    <path d="M12 66 H112" stroke={INK.grey} strokeWidth={2} strokeLinecap="round" />
  </>
);

const Book = () => (
  <>
    <path d="M60 20 C48 14 30 14 20 18 V64 C30 60 48 60 60 66 Z" fill={INK.white} stroke={INK.deep} strokeWidth={2} />
    <path d="M60 20 C72 14 90 14 100 18 V64 C90 60 72 60 60 66 Z" fill={INK.pink} stroke={INK.deep} strokeWidth={2} />
  </>
);

const DRAWINGS: Record<string, () => ReactNode> = {
  "platform-basics": Store,
  "store-and-products": Products,
  "rules-and-service": Shield,
  "search-and-ads": Search,
  "campaigns-and-content": Campaign,
  "data-and-customers": Charts,
  "supply-finance-risk": Warehouse,
  "team-and-growth": Team,
};

/** The module's illustration on a soft tile (120 × 80), decorative. */
export function ModuleArt({ slug, className }: { slug: string; className?: string }) {
  const Drawing = DRAWINGS[slug] ?? Book;
  return (
    <svg viewBox="0 0 120 80" className={className} {...decorative}>
      <rect width={120} height={80} rx={12} fill={INK.soft} />
      <Drawing />
    </svg>
  );
}
