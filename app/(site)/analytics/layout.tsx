import type { ReactNode } from "react";
import { StaffPage } from "@/components/staff-page";

export default function AnalyticsLayout({ children }: { children: ReactNode }) {
  return <StaffPage wide>{children}</StaffPage>;
}
