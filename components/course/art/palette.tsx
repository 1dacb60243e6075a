// The course's drawing colours: JD red with its soft tints, a neutral ink and one gold accent.
export const INK = {
  red: "#c81e1e",
  deep: "#a3161a",
  pink: "#f4b4b4",
  soft: "#fdecec",
  white: "#ffffff",
  grey: "#59636e",
  line: "#d7dbe0",
  gold: "#d4a017",
} as const;

/** Every drawing is decoration: hidden from assistive technology, never focusable. */
export const decorative = { "aria-hidden": true, focusable: false } as const;

/** A shop awning: red and white stripes ending in scallops, `count` stripes wide. */
export function Awning({ x, y, width, height, count }: { x: number; y: number; width: number; height: number; count: number }) {
  const step = width / count;
  const r = step / 2;
  return (
    <g>
      {Array.from({ length: count }, (_, i) => {
        const fill = i % 2 === 0 ? INK.red : INK.white;
        const left = x + i * step;
        return (
          <g key={i}>
            <rect x={left} y={y} width={step} height={height} fill={fill} />
            <path d={`M${left} ${y + height} a${r} ${r} 0 0 0 ${step} 0 z`} fill={fill} />
          </g>
        );
      })}
      <rect x={x} y={y} width={width} height={height} fill="none" stroke={INK.deep} strokeWidth={1.5} />
    </g>
  );
}
