"use client";

import dynamic from "next/dynamic";

// Calculators (and the zod they validate with) load only on the lessons that use them, so a
// lesson without one ships none of their script. They still render on the server first.
export const StockCalculator = dynamic(() => import("./stock-calculator").then((m) => m.StockCalculator));
export const SettlementCalculator = dynamic(() => import("./settlement-calculator").then((m) => m.SettlementCalculator));
export const AdBudgetCalculator = dynamic(() => import("./ad-budget-calculator").then((m) => m.AdBudgetCalculator));
export const FunnelCalculator = dynamic(() => import("./funnel-calculator").then((m) => m.FunnelCalculator));
