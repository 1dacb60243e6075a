import type { SaveStatus } from "@/components/assessment/use-autosave";

const TEXT: Record<SaveStatus, string> = {
  saved: "已保存",
  saving: "保存中…",
  offline: "离线，恢复后自动保存",
  error: "保存失败，正在重试",
  closed: "答卷已提交",
};

export function SaveStatusBadge({ status, message }: { status: SaveStatus; message?: string }) {
  return (
    <span className={`save-status save-status--${status}`} role="status">
      {TEXT[status]}
      {status === "error" && message ? `：${message}` : ""}
    </span>
  );
}
