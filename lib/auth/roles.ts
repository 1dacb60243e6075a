import { z } from "zod";
import { ROLES } from "@/lib/auth/role-labels";

export { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/role-labels";
export const roleSchema = z.enum(ROLES);
