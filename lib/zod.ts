import { z } from "zod";
import zhCN from "zod/v4/locales/zh-CN.js";

// The app's one zod. Importing it sets zod's default messages (a wrong type, a string too long…)
// to zh-CN, in the server and in every browser bundle that validates a form: zod keeps this
// setting on globalThis, so one import per bundle is enough. Import `z` from here, never from
// "zod" (a test checks); a type-only import of "zod" is fine.
z.config(zhCN());

export { z };
