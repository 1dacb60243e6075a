import type { ItemResponse, ItemStatsAccumulator } from "@/lib/analytics/item-stats";

// Submitted attempts are final: a quiz attempt is graded at submission and a 结业考核 attempt's
// paper and part-1 answers cannot change once submitted. So each attempt's responses are read
// from the database once per server process and kept here in a compact form (about 12 bytes
// per response), and later page loads read only attempts that are new since.

const OPTION_IDS = "abcdefgh"; // the banks' option ids (question-schema.ts)
const CORRECT = 1 << 8;

type Entry = { total: number; cells: Uint32Array }; // per response: item, version, correct|options

export type CachedResponse = ItemResponse & { version: string | null };

export class ResponseCache {
  private readonly ids = new Map<string, number>();
  private readonly names: (string | null)[] = [];
  private readonly entries = new Map<string, Entry>();

  private intern(name: string | null): number {
    const key = name ?? "\u0000";
    let index = this.ids.get(key);
    if (index === undefined) {
      index = this.names.length;
      this.ids.set(key, index);
      this.names.push(name);
    }
    return index;
  }

  has(attemptId: string): boolean {
    return this.entries.has(attemptId);
  }

  put(attemptId: string, total: number, responses: readonly CachedResponse[]): void {
    const cells = new Uint32Array(responses.length * 3);
    responses.forEach((r, i) => {
      let bits = r.correct ? CORRECT : 0;
      for (const id of r.chosen) {
        const bit = OPTION_IDS.indexOf(id);
        if (bit >= 0 && id.length === 1) bits |= 1 << bit;
      }
      cells.set([this.intern(r.itemId), this.intern(r.version), bits], i * 3);
    });
    this.entries.set(attemptId, { total, cells });
  }

  /** Feeds one cached attempt into the accumulator; reports each response's item and version. */
  replay(attemptId: string, items: ItemStatsAccumulator, onVersion: (itemId: string, version: string | null) => void): boolean {
    const entry = this.entries.get(attemptId);
    if (!entry) return false;
    for (let i = 0; i < entry.cells.length; i += 3) {
      const itemId = this.names[entry.cells[i]] as string;
      const bits = entry.cells[i + 2];
      const chosen = [...OPTION_IDS].filter((_, b) => bits & (1 << b));
      items.add(entry.total, { itemId, correct: (bits & CORRECT) !== 0, chosen });
      onVersion(itemId, this.names[entry.cells[i + 1]]);
    }
    return true;
  }

  /** Drops attempts that no longer exist (a deleted learner's, say). */
  retain(attemptIds: ReadonlySet<string>): void {
    for (const id of this.entries.keys()) if (!attemptIds.has(id)) this.entries.delete(id);
  }
}
