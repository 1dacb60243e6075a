// npm run test:postgres (the last step of npm test): the integration and end-to-end suites again,
// against the PostgreSQL server TEST_POSTGRES_URL names (any database on it; the suites create
// their own: jd_test_* per integration test file, jd_e2e for the browser tests).
// .ci/run installs and starts a server and sets the variable; without it this step says so and
// passes, so that `npm test` works on a laptop with no PostgreSQL.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { databaseOn } from "./db/postgres-admin";

const server = process.env.TEST_POSTGRES_URL;
if (!server) {
  console.log("PostgreSQL：未设置 TEST_POSTGRES_URL，跳过 PostgreSQL 上的测试（.ci/run 会安装并启动 PostgreSQL 后运行）。");
  process.exit(0);
}

const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);
function run(label: string, command: string, args: string[], env: Record<string, string>) {
  console.log(`\n== PostgreSQL: ${label} ==`);
  const result = spawnSync(bin(command), args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run("integration tests", "vitest", ["run", "--project", "integration"], {});
// Its own output folder, so the SQLite run's screenshots and traces in test-results/ are kept.
run("end-to-end tests", "playwright", ["test", "--output", "test-results/postgres"], { E2E_DATABASE_URL: databaseOn(server, "jd_e2e") });
