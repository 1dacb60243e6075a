"use client";

import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import type { AnswerValue } from "@/lib/assessment/schema";

// The local buffer of assessment answers: every change lands here first (and in localStorage),
// then the autosaver moves it to the server. `dirty` holds a revision per unsaved answer, so an
// answer edited while a save is in flight stays dirty.
type Draft = { answers: Record<string, AnswerValue>; dirty: Record<string, number> };

type AnswerStore = {
  drafts: Record<string, Draft>;
  setAnswer: (attemptId: string, itemKey: string, value: AnswerValue) => void;
  markSaved: (attemptId: string, saved: Record<string, number>) => void;
  /** Server answers fill in what this device does not have unsaved. */
  hydrate: (attemptId: string, server: Record<string, AnswerValue>) => void;
  clear: (attemptId: string) => void;
};

const empty: Draft = { answers: {}, dirty: {} };
let revision = 0;

export const useAnswerStore = create<AnswerStore>()(
  persist(
    (set) => ({
      drafts: {},
      setAnswer: (attemptId, itemKey, value) =>
        set((state) => {
          const draft = state.drafts[attemptId] ?? empty;
          return {
            drafts: {
              ...state.drafts,
              [attemptId]: { answers: { ...draft.answers, [itemKey]: value }, dirty: { ...draft.dirty, [itemKey]: ++revision } },
            },
          };
        }),
      markSaved: (attemptId, saved) =>
        set((state) => {
          const draft = state.drafts[attemptId];
          if (!draft) return state;
          const dirty = { ...draft.dirty };
          for (const [key, rev] of Object.entries(saved)) if (dirty[key] === rev) delete dirty[key];
          return { drafts: { ...state.drafts, [attemptId]: { ...draft, dirty } } };
        }),
      hydrate: (attemptId, server) =>
        set((state) => {
          const draft = state.drafts[attemptId] ?? empty;
          const answers = { ...server };
          for (const key of Object.keys(draft.dirty)) answers[key] = draft.answers[key];
          return { drafts: { ...state.drafts, [attemptId]: { answers, dirty: draft.dirty } } };
        }),
      clear: (attemptId) =>
        set((state) => {
          const drafts = { ...state.drafts };
          delete drafts[attemptId];
          return { drafts };
        }),
    }),
    { name: "jd-course-assessment-drafts", storage: createJSONStorage(() => localStorage) },
  ),
);
