// Latency samples of one kind of request, and the failures seen while sending them.

export type Summary = { count: number; p50: number; p90: number; p99: number; max: number; errors: number };

export class Samples {
  private readonly ms: number[] = [];
  /** First few distinct failure messages, for the report. */
  readonly failures = new Map<string, number>();
  errors = 0;

  add(ms: number) {
    this.ms.push(ms);
  }

  fail(message: string) {
    this.errors++;
    this.failures.set(message, (this.failures.get(message) ?? 0) + 1);
  }

  summary(): Summary {
    const sorted = [...this.ms].sort((a, b) => a - b);
    return {
      count: sorted.length,
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? NaN,
      errors: this.errors,
    };
  }

  /** "3 × 保存失败; 1 × no answer within 60 s" */
  failureText(): string {
    return [...this.failures].map(([message, n]) => `${n} × ${message}`).join("; ");
  }
}

/** Nearest-rank percentile of ascending samples. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : "–");

/** Waits until a moment on the performance clock. */
export function sleepUntil(at: number): Promise<void> {
  const wait = at - performance.now();
  return wait > 0 ? new Promise((r) => setTimeout(r, wait)) : Promise.resolve();
}
