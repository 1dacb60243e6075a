import type { ReactNode } from "react";
import { StaffPage } from "@/components/staff-page";

// Content is previewed at the learners' reading width.
export default function PreviewLayout({ children }: { children: ReactNode }) {
  return <StaffPage>{children}</StaffPage>;
}
