import { ACCOUNT_DEACTIVATED, ACCOUNT_DEACTIVATED_MESSAGE } from "@/lib/account/schema";
import { z } from "@/lib/zod";

// What a failed company sign-in tells the person, by the `error` code better-auth puts on the
// redirect to /sign-in/error (lib/sso/plugin.ts sets that page as the OAuth error URL).

const RESTART = "请回到登录页重新点击企业登录。";
const MESSAGES: Record<string, string> = {
  state_not_found: `登录请求无效或已使用过，${RESTART}`,
  state_mismatch: `登录请求与本浏览器不匹配（可能链接被篡改，或在另一个浏览器中打开），${RESTART}`,
  state_security_mismatch: `登录请求与本浏览器不匹配（可能链接被篡改，或在另一个浏览器中打开），${RESTART}`,
  state_invalid: `登录请求无效，${RESTART}`,
  please_restart_the_process: `登录已超时，${RESTART}`,
  invalid_code: `授权码无效、已过期或已被使用（也可能是身份提供方暂时无法连接），${RESTART}`,
  no_code: `企业登录没有返回授权码，${RESTART}`,
  nonce_binding_missing: `登录校验失败（nonce），${RESTART}`,
  issuer_mismatch: "登录结果不是来自已设置的身份提供方，已拒绝。请联系管理员检查企业登录设置。",
  issuer_missing: "身份提供方没有返回签发者信息，已拒绝。请联系管理员检查企业登录设置。",
  unable_to_get_user_info: "无法从企业账号读取你的信息（身份校验未通过，或服务暂时不可用）。请稍后重试，或联系管理员。",
  oauth_provider_not_found: "企业登录暂时不可用（未启用，或无法连接身份提供方）。请稍后重试，或使用邮箱和密码登录。",
  email_not_found: "你的企业账号没有邮箱，无法登录。请联系管理员为企业账号设置邮箱。",
  email_not_verified: "你的企业账号邮箱尚未验证，无法登录。请先在企业账号中验证邮箱，或联系管理员。",
  account_not_linked: "本站已有使用该邮箱的账号，但企业账号的邮箱未经验证，不能关联。请联系管理员。",
  unable_to_link_account: "无法把企业账号关联到本站账号。请联系管理员。",
  account_already_linked_to_different_user: "这个企业账号已关联到本站的另一个账号。请联系管理员。",
  signup_disabled: "本站不允许自动创建账号。请联系管理员为你开通。",
  unable_to_create_user: "无法创建账号。请稍后重试，或联系管理员。",
  access_denied: "你在企业登录页取消了授权。如需登录，请重新点击企业登录。",
  // An admin deactivated the account (lib/account/deactivation.ts refuses its sessions).
  [ACCOUNT_DEACTIVATED.toLowerCase()]: `${ACCOUNT_DEACTIVATED_MESSAGE}。`,
};
const FALLBACK = `企业登录没有完成。${RESTART}如果反复出现，请联系管理员。`;

const codeSchema = z.string().max(100).regex(/^[A-Za-z0-9_.-]+$/);

/** The zh-CN message for an `error` query value (anything unknown or malformed gets the fallback). */
export function ssoErrorMessage(raw: unknown): string {
  const code = codeSchema.safeParse(Array.isArray(raw) ? raw[0] : raw);
  if (!code.success) return FALLBACK;
  return MESSAGES[code.data.toLowerCase()] ?? FALLBACK;
}
