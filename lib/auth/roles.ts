import { z } from "@/lib/zod";
import { ROLES } from "@/lib/auth/role-labels";

export { isStaff, ROLE_LABELS, ROLES, type Role } from "@/lib/auth/role-labels";
export const roleSchema = z.enum(ROLES);
