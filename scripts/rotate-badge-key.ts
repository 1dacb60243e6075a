// npm run badges:rotate-key: a new Open Badges signing key for this installation (decision 041).
// Credentials downloaded from now on are signed with it; the old keys stay in the JWKS, so every
// credential issued before still verifies. Running app instances pick the new key up at once
// (the active key is read from the database on every signing).
import { rotateSigningKey } from "@/lib/badges/keys";
import { createDbClient } from "@/lib/db-client";

const db = createDbClient();
try {
  const key = await rotateSigningKey(db);
  console.log(`已生成第 ${key.generation} 代电子徽章签名密钥（${key.thumbprint}）。此前签发的电子徽章仍可核验。`);
} finally {
  await db.$disconnect();
}
