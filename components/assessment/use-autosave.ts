"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useAnswerStore } from "@/components/assessment/answer-store";
import { useHydrated } from "@/components/assessment/clock";
import { integrityBatch, useIntegrityStore } from "@/components/assessment/integrity-store";
import { postAnswers } from "@/lib/assessment/client";

export type SaveStatus = "saved" | "saving" | "offline" | "error" | "closed";

const DEBOUNCE_MS = 800; // well inside the 2-second promise
const RETRY_MS = 3000;

/** Moves dirty answers to the server; retries while offline; reports what the page may claim. */
export function useAutosave(attemptId: string, onClosed: (message: string) => void) {
  const hydrated = useHydrated();
  const dirtyAnswers = useAnswerStore((s) => Object.keys(s.drafts[attemptId]?.dirty ?? {}).length);
  const dirtyEvents = useIntegrityStore((s) => s.pending[attemptId]?.length ?? 0);
  const dirtyCount = hydrated ? dirtyAnswers + dirtyEvents : 0;
  const [status, setStatus] = useState<SaveStatus>("saved");
  const [message, setMessage] = useState("");
  const inFlight = useRef(false);

  const flush = useCallback(async (): Promise<boolean> => {
    const draft = useAnswerStore.getState().drafts[attemptId];
    const dirty = { ...(draft?.dirty ?? {}) };
    const integrity = integrityBatch(attemptId);
    if (Object.keys(dirty).length === 0 && integrity.length === 0) return true;
    if (inFlight.current) return false;
    inFlight.current = true;
    setStatus("saving");
    try {
      const answers = Object.keys(dirty).map((itemKey) => ({ itemKey, value: draft?.answers[itemKey] }));
      const result = await postAnswers(attemptId, { answers, ...(integrity.length ? { integrity } : {}) });
      if (result.ok) {
        useAnswerStore.getState().markSaved(attemptId, dirty);
        useIntegrityStore.getState().markSent(attemptId, integrity.map((e) => e.id));
        setStatus("saved");
        return true;
      }
      if (result.closed) {
        setStatus("closed");
        onClosed(result.message);
      } else {
        setStatus("error");
        setMessage(result.message);
      }
      return false;
    } catch {
      setStatus("offline"); // network down or server restarting: the answers stay in this browser
      return false;
    } finally {
      inFlight.current = false;
    }
  }, [attemptId, onClosed]);

  useEffect(() => {
    if (dirtyCount === 0 || status === "closed") return;
    const timer = setTimeout(flush, status === "offline" || status === "error" ? RETRY_MS : DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [dirtyCount, status, flush]);

  useEffect(() => {
    const online = () => void flush();
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [flush]);

  return { status: dirtyCount > 0 && status === "saved" ? ("saving" as const) : status, message, flush };
}
