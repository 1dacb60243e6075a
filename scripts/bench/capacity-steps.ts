// The step search of the autosave capacity run: rates rise until the first step that misses;
// the capacity is the highest rate reached before it.

export type StepResult = { rate: number; p99: number; errors: number };

export const stepHolds = (step: StepResult, goalP99Ms: number) => step.errors === 0 && step.p99 <= goalP99Ms;

/** The highest rate of the unbroken run of held steps from the first; undefined when the first missed. */
export function sustainedRate(steps: readonly StepResult[], goalP99Ms: number): number | undefined {
  let best: number | undefined;
  for (const step of steps) {
    if (!stepHolds(step, goalP99Ms)) break;
    best = step.rate;
  }
  return best;
}

/** Runs `measure` at each rate in order and stops after the first step that misses. */
export async function rampUntilMiss<S extends StepResult>(
  rates: readonly number[],
  goalP99Ms: number,
  measure: (rate: number) => Promise<S>,
): Promise<S[]> {
  const steps: S[] = [];
  for (const rate of rates) {
    const step = await measure(rate);
    steps.push(step);
    if (!stepHolds(step, goalP99Ms)) break;
  }
  return steps;
}
