import { z } from "zod";

export const ROLES = ["learner", "trainer", "admin"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  learner: "学员",
  trainer: "讲师",
  admin: "管理员",
};
