// Turning the dashboard's human ranges into exact database bounds.

/** The course runs in China: dates typed into the filter are China Standard Time (UTC+8, no DST). */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

function chinaMidnight(day: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d) - CHINA_OFFSET_MS);
}

/** [start, end) instants of the China-time days from..to inclusive; either side may be open. */
export function dayRange(from?: string, to?: string): { start?: Date; end?: Date } {
  return {
    start: from ? chinaMidnight(from) : undefined,
    end: to ? new Date(chinaMidnight(to).getTime() + DAY_MS) : undefined,
  };
}

/** Today's date in China, YYYY-MM-DD (export file names). */
export function chinaDay(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Bounds on the stored score so the filter agrees with what the table shows: scores are shown
 * truncated to one decimal (formatScore), so "最高 74.9" must keep a stored 74.96 (shown 74.9)
 * and drop 75.0. Hence score ≥ min and score < max + 0.1.
 */
export function scoreBounds(min?: number, max?: number): { gte?: number; lt?: number } {
  return {
    gte: min,
    lt: max === undefined ? undefined : Math.round(max * 10 + 1) / 10,
  };
}

/** Page numbers to link, with null for a gap: 1 … 4 5 [6] 7 8 … 20. */
export function pageWindow(current: number, totalPages: number, radius = 2): (number | null)[] {
  const pages: (number | null)[] = [];
  for (let p = 1; p <= totalPages; p++) {
    const near = Math.abs(p - current) <= radius;
    if (p === 1 || p === totalPages || near) pages.push(p);
    else if (pages[pages.length - 1] !== null) pages.push(null);
  }
  return pages;
}

/** "2026-11-25 20:06" in China time; "—" for none. */
export function formatDateTime(date: Date | null | undefined): string {
  if (!date) return "—";
  return new Date(date.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}
