// No zod here: the site header, a client component on lesson pages, needs the labels, and zod
// would add about 30 KB gzip to every lesson's first load.
export const ROLES = ["learner", "dept_head", "trainer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  learner: "学员",
  dept_head: "部门负责人",
  trainer: "讲师",
  admin: "管理员",
};

/** Trainers and admins: 批阅, 学员管理, 数据分析, 内容预览, and the always-open 结业考核. */
export const isStaff = (role: Role): boolean => role === "trainer" || role === "admin";
