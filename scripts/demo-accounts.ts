import type { Role } from "@/lib/auth/roles";

// Printed by `npm start` and listed in README.md. Change them in production.
export const DEMO_ACCOUNTS: { role: Role; name: string; email: string; password: string }[] = [
  { role: "learner", name: "王小京", email: "learner@example.com", password: "learner123" },
  { role: "dept_head", name: "孙主管", email: "head@example.com", password: "head12345" },
  { role: "trainer", name: "李讲师", email: "trainer@example.com", password: "trainer123" },
  { role: "admin", name: "赵管理", email: "admin@example.com", password: "admin12345" },
];

// The demo company (issue 16): the demo learner works in 北京一组, the demo department head leads
// 华北大区 (with grading rights), and 华北大区 is assigned the course, due two weeks after the first start.
export const DEMO_COMPANY = {
  departments: [["演示公司", "华北大区", "北京一组"], ["演示公司", "华北大区", "天津一组"], ["演示公司", "华东大区", "上海一组"]],
  members: { "learner@example.com": ["演示公司", "华北大区", "北京一组"], "head@example.com": ["演示公司", "华北大区"] } as Record<string, string[]>,
  assignment: { title: "新员工入门：京东运营全课程", department: ["演示公司", "华北大区"], days: 14 },
};
