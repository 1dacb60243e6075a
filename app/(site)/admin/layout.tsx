import type { ReactNode } from "react";
import { StaffPage } from "@/components/staff-page";

export default function AdminLayout({ children }: { children: ReactNode }) {
  return <StaffPage wide>{children}</StaffPage>;
}
