/** 2026年11月25日, in China time whatever the server's zone. */
export const formatIssueDate = (d: Date) => new Intl.DateTimeFormat("zh-CN", { dateStyle: "long", timeZone: "Asia/Shanghai" }).format(d);
