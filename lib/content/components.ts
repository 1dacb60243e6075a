// The components lesson authors may use in MDX (documented in content/README.md).
// components/mdx/index.tsx implements exactly these; content:check rejects any other tag.
export const LESSON_COMPONENTS = [
  "Callout",
  "KeyFigure",
  "KeyFigures",
  "Steps",
  "Step",
  "Compare",
  "BarChart",
  "Funnel",
  "Timeline",
  "StockCalculator",
  "SettlementCalculator",
  "AdBudgetCalculator",
  "FunnelCalculator",
  "WorkedExample",
] as const;

export type LessonComponentName = (typeof LESSON_COMPONENTS)[number];
