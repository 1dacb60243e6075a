// npm start: migrate, seed if empty, build if the build is missing or stale, then serve through
// scripts/serve.ts (Next behind a server that owns the socket: decision 014).
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEMO_ACCOUNTS } from "./demo-accounts";
import { prepareDatabase } from "./prepare-db";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const root = process.cwd();
const BUILD_INPUTS = ["app", "components", "lib", "content", "prisma/schema.prisma", "next.config.ts", "proxy.ts", "instrumentation-client.ts", "package-lock.json", "tsconfig.json"];
const STAMP = path.join(root, ".next", "source-hash");

function hashInputs(): string {
  const hash = createHash("sha256");
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) {
      for (const entry of readdirSync(p).sort()) visit(path.join(p, entry));
    } else {
      hash.update(path.relative(root, p)).update(readFileSync(p));
    }
  };
  BUILD_INPUTS.forEach((input) => visit(path.join(root, input)));
  return hash.digest("hex");
}

await prepareDatabase();

const sourceHash = hashInputs();
const built = existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === sourceHash;
if (built) {
  console.log("构建是最新的，跳过构建。");
} else {
  console.log("正在构建（首次约需 1–2 分钟）…");
  try {
    execFileSync("npm", ["run", "build"], { stdio: "inherit" });
  } catch {
    // The build printed its own messages (for content: file:line: message); no stack trace here.
    console.error("\n构建失败：请先修正上面列出的问题，再运行 npm start。");
    process.exit(1);
  }
  writeFileSync(STAMP, sourceHash);
}

const port = process.env.PORT || "3000";
console.log(`\n京东运营线上培训：http://localhost:${port}\n演示账号：`);
for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.padEnd(8)} ${account.email} / ${account.password}`);
console.log("");

const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "serve.ts")], {
  stdio: "inherit",
  env: { ...process.env, PORT: port, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
