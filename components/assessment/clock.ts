"use client";

import { useSyncExternalStore } from "react";

// One ticking clock for the page. The server renders with the time it rendered at (passed down
// as a prop), and so does hydration (getServerSnapshot), so the first client render matches the
// HTML exactly: no React #418. The live time takes over right after.

let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The time now, ticking every second; `renderedAt` (the server's render time) until hydrated. */
export function useNow(renderedAt: number): number {
  return useSyncExternalStore(subscribe, () => now, () => renderedAt);
}

const noSubscription = () => () => {};

/**
 * False while the server renders and while the page hydrates, true after. What this browser
 * holds in localStorage (unsaved answers, integrity events) may show only from then on: the
 * server cannot know it, and HTML that differs from the server's is React error #418.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
