import type { ComponentType } from "react";
import type { LessonComponentName } from "@/lib/content/components";
import { BarChart } from "@/components/mdx/bar-chart";
import { AdBudgetCalculator, FunnelCalculator, SettlementCalculator, StockCalculator } from "@/components/mdx/calculators/lazy";
import { Callout } from "@/components/mdx/callout";
import { Compare } from "@/components/mdx/compare";
import { Funnel } from "@/components/mdx/funnel";
import { KeyFigure, KeyFigures } from "@/components/mdx/key-figure";
import { Step, Steps } from "@/components/mdx/steps";
import { Timeline } from "@/components/mdx/timeline";
import { WorkedExample } from "@/components/mdx/worked-example/worked-example";

// The one component map lessons are rendered with; keys must match LESSON_COMPONENTS.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const mdxComponents: Record<LessonComponentName, ComponentType<any>> = {
  AdBudgetCalculator,
  BarChart,
  Callout,
  Compare,
  Funnel,
  FunnelCalculator,
  KeyFigure,
  KeyFigures,
  SettlementCalculator,
  Step,
  Steps,
  StockCalculator,
  Timeline,
  WorkedExample,
};
