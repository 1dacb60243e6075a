// A session's device and browser in a few words, from the User-Agent it signed in with. Only a
// label for the person recognising their own devices: the in-app browsers Chinese staff use most
// (企业微信, 微信, 钉钉, 飞书) come first because their UAs also contain Chrome or Safari.
// Hand-written rather than a parser library: two short labels, no version numbers.

const BROWSERS: [RegExp, string][] = [
  [/wxwork\//i, "企业微信"],
  [/MicroMessenger\//i, "微信"],
  [/DingTalk\//i, "钉钉"],
  [/Lark\/|Feishu\//i, "飞书"],
  [/EdgA?\/|EdgiOS\//, "Edge"],
  [/OPR\//, "Opera"],
  [/QQBrowser\//i, "QQ 浏览器"],
  [/UCBrowser\//i, "UC 浏览器"],
  [/HuaweiBrowser\//i, "华为浏览器"],
  [/MiuiBrowser\//i, "小米浏览器"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/Chrome\/|CriOS\//, "Chrome"],
  [/Safari\//, "Safari"],
];

const DEVICES: [RegExp, string][] = [
  [/iPad/, "iPad"],
  [/iPhone/, "iPhone"],
  [/HarmonyOS|OpenHarmony/i, "鸿蒙设备"],
  [/Android/, "Android 设备"],
  [/Windows/, "Windows 电脑"],
  [/Macintosh|Mac OS X/, "Mac"],
  [/CrOS/, "Chromebook"],
  [/Linux/, "Linux 电脑"],
];

const first = (list: [RegExp, string][], ua: string) => list.find(([pattern]) => pattern.test(ua))?.[1];

/** E.g. "iPhone · 微信", "Windows 电脑 · Chrome"; "未知设备" when nothing is recognised. */
export function describeUserAgent(ua: string | null | undefined): string {
  if (!ua) return "未知设备";
  const parts = [first(DEVICES, ua), first(BROWSERS, ua)].filter(Boolean);
  return parts.length ? parts.join(" · ") : "未知设备";
}
