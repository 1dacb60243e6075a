"use client";

import { useEffect } from "react";
import { useIntegrityStore } from "@/components/assessment/integrity-store";
import { MAX_PASTE_LENGTH, newEventId, type IntegrityEventType } from "@/lib/assessment/integrity";
import { ITEM_KEY } from "@/lib/assessment/item-keys";

/** Answer fields say which item they hold with this attribute; a paste is attributed through it. */
const ITEM_KEY_ATTRIBUTE = "data-item-key";

/**
 * Records, while the attempt page is open: its opening, the page hidden and shown again, the window
 * losing and regaining focus, and pastes into an answer (where and how long, never the text).
 */
export function useIntegrityLog(attemptId: string, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const record = (type: IntegrityEventType, extra: { itemKey?: string; detail?: number } = {}) =>
      useIntegrityStore.getState().add(attemptId, { id: newEventId(), type, at: new Date().toISOString(), ...extra });

    const onVisibility = () => record(document.visibilityState === "hidden" ? "hidden" : "visible");
    const onBlur = () => record("blur");
    const onFocus = () => record("focus");
    const onPaste = (event: ClipboardEvent) => {
      const holder = event.target instanceof Element ? event.target.closest(`[${ITEM_KEY_ATTRIBUTE}]`) : null;
      const itemKey = holder?.getAttribute(ITEM_KEY_ATTRIBUTE) ?? "";
      const text = event.clipboardData?.getData("text/plain") ?? "";
      record("paste", { ...(ITEM_KEY.test(itemKey) ? { itemKey } : {}), detail: Math.min(Array.from(text).length, MAX_PASTE_LENGTH) });
    };

    record("open"); // a reload or a return after closing the page ends the absence before it
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("blur", onBlur);
    window.addEventListener("focus", onFocus);
    document.addEventListener("paste", onPaste, true);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("blur", onBlur);
      window.removeEventListener("focus", onFocus);
      document.removeEventListener("paste", onPaste, true);
    };
  }, [attemptId, enabled]);
}
