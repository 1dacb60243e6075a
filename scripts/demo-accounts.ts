import type { Role } from "@/lib/auth/roles";

// Printed by `npm start` and listed in README.md. Change them in production.
export const DEMO_ACCOUNTS: { role: Role; name: string; email: string; password: string }[] = [
  { role: "learner", name: "王小京", email: "learner@example.com", password: "learner123" },
  { role: "trainer", name: "李讲师", email: "trainer@example.com", password: "trainer123" },
  { role: "admin", name: "赵管理", email: "admin@example.com", password: "admin12345" },
];
