"use client";

import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import { integrityEventSchema, MAX_EVENTS_PER_ATTEMPT, MAX_EVENTS_PER_SAVE, type IntegrityEvent } from "@/lib/assessment/integrity";

// The local buffer of the integrity log, kept like the answers buffer (in localStorage), so a
// reload or a dropped connection loses nothing; the autosave sends it and drops what was acknowledged.
type IntegrityStore = {
  pending: Record<string, IntegrityEvent[]>;
  add: (attemptId: string, event: IntegrityEvent) => void;
  markSent: (attemptId: string, ids: readonly string[]) => void;
  clear: (attemptId: string) => void;
};

export const useIntegrityStore = create<IntegrityStore>()(
  persist(
    (set) => ({
      pending: {},
      add: (attemptId, event) =>
        set((state) => {
          const buffer = state.pending[attemptId] ?? [];
          // Only what the server accepts is buffered: a bad event must never hold up the answers.
          if (buffer.length >= MAX_EVENTS_PER_ATTEMPT || !integrityEventSchema.safeParse(event).success) return state;
          return { pending: { ...state.pending, [attemptId]: [...buffer, event] } };
        }),
      markSent: (attemptId, ids) =>
        set((state) => {
          const sent = new Set(ids);
          return { pending: { ...state.pending, [attemptId]: (state.pending[attemptId] ?? []).filter((e) => !sent.has(e.id)) } };
        }),
      clear: (attemptId) =>
        set((state) => {
          const pending = { ...state.pending };
          delete pending[attemptId];
          return { pending };
        }),
    }),
    { name: "jd-course-assessment-integrity", storage: createJSONStorage(() => localStorage) },
  ),
);

/** The next batch the autosave carries. */
export const integrityBatch = (attemptId: string): IntegrityEvent[] =>
  (useIntegrityStore.getState().pending[attemptId] ?? []).slice(0, MAX_EVENTS_PER_SAVE);
