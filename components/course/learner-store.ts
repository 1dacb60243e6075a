"use client";

import { create } from "zustand";
import type { HeaderUser, LearnerState, LessonState } from "@/lib/progress/learner-state-types";
import { tally } from "@/lib/progress/rules";

// What the browser knows about the signed-in learner on prerendered lesson pages, which are the
// same HTML for everyone. The server stays the truth: every visit reads the lesson's state again.
type LearnerStore = {
  /** undefined: not known yet; null: signed out. */
  user: HeaderUser | null | undefined;
  lessons: Record<string, LessonState>;
  /** Lessons whose state could not be read (offline, server error). */
  failed: Record<string, string>;
  setUser: (user: HeaderUser | null) => void;
  received: (state: LearnerState) => void;
  readFailed: (lessonKey: string, message: string) => void;
  /** After the server acknowledged a completion. */
  completed: (lessonKey: string) => void;
};

export const useLearnerStore = create<LearnerStore>()((set) => ({
  user: undefined,
  lessons: {},
  failed: {},
  setUser: (user) => set({ user }),
  received: ({ user, lesson }) =>
    set((state) => ({
      user,
      lessons: lesson ? { ...state.lessons, [lesson.key]: lesson } : state.lessons,
      failed: lesson ? withoutKey(state.failed, lesson.key) : state.failed,
    })),
  readFailed: (lessonKey, message) => set((state) => ({ failed: { ...state.failed, [lessonKey]: message } })),
  completed: (lessonKey) =>
    set((state) => {
      const lesson = state.lessons[lessonKey];
      if (!lesson || lesson.completed) return state;
      const module = tally(lesson.module.done + 1, lesson.module.total);
      return { lessons: { ...state.lessons, [lessonKey]: { ...lesson, completed: true, module } } };
    }),
}));

function withoutKey(record: Record<string, string>, key: string) {
  const { [key]: _, ...rest } = record;
  return rest;
}

let userRequest: Promise<void> | undefined;

/** Reads who is signed in, once per page load, for a header that has no other source. */
export function loadUser(): Promise<void> {
  userRequest ??= fetch("/api/me", { cache: "no-store" })
    .then(async (response) => {
      if (response.status === 401) useLearnerStore.getState().setUser(null);
      else if (response.ok) useLearnerStore.getState().received((await response.json()) as LearnerState);
    })
    .catch(() => undefined); // the header stays without a name; nothing else depends on it
  return userRequest;
}

const inFlight = new Map<string, Promise<void>>();

/** Reads the learner's state of one lesson from the server (one request at a time per lesson). */
export function loadLessonState(lessonKey: string): Promise<void> {
  const pending = inFlight.get(lessonKey);
  if (pending) return pending;
  const request = fetchLessonState(lessonKey).finally(() => inFlight.delete(lessonKey));
  inFlight.set(lessonKey, request);
  return request;
}

async function fetchLessonState(lessonKey: string) {
  const store = useLearnerStore.getState();
  let response: Response;
  try {
    response = await fetch(`/api/me?lesson=${encodeURIComponent(lessonKey)}`, { cache: "no-store" });
  } catch {
    store.readFailed(lessonKey, "网络连接失败，暂时无法读取学习进度。");
    return;
  }
  if (response.status === 401) {
    // The session ended (the proxy only saw that a cookie was there): sign in again, come back here.
    window.location.assign(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`);
    return;
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    store.readFailed(lessonKey, body?.message ?? "暂时无法读取学习进度，请稍后刷新页面。");
    return;
  }
  store.received((await response.json()) as LearnerState);
}
