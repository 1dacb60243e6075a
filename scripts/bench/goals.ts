// The figures the issue sets goals for, collected from the measurements of one run and written as
// one table at the top of the results section, each beside its goal.

export type GoalRow = { figure: string; measured: string; goal: string; met: boolean };

export class Goals {
  readonly rows: GoalRow[] = [];

  add(row: GoalRow) {
    this.rows.push(row);
  }

  table(): string {
    if (!this.rows.length) return "";
    return [
      `### Goals of this run`,
      ``,
      `| figure | measured | goal | met |`,
      `| --- | ---: | ---: | :---: |`,
      ...this.rows.map((r) => `| ${r.figure} | ${r.measured} | ${r.goal} | ${r.met ? "yes" : "**no**"} |`),
    ].join("\n");
  }
}

/** "0.52" for a ratio; "–" when either side is missing. */
export const ratio = (value: number, floor: number) => (Number.isFinite(value / floor) && floor > 0 ? (value / floor).toFixed(2) : "–");
