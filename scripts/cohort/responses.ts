import { chance, normal, rngFor, sigmoid, uniform, weightedPick, type Rng } from "./random";

// Simulated answers to choice questions. Each question gets a fixed difficulty, discrimination
// and distractor pull (from the seed and its id), and a learner of ability θ answers it right
// with the two-parameter logistic probability, so item statistics (p-values, discrimination,
// popular distractors) come out meaningful rather than uniform noise.

type Choice = { id: string; type: "single" | "multiple"; options: { id: string }[]; answer: string[] };

type ItemParams = { difficulty: number; discrimination: number; pull: Map<string, number> };

const params = new Map<string, ItemParams>();

/** `easiness` shifts the bank: module quizzes are easier than the final assessment. */
function itemParams(seed: string, q: Choice, easiness: number): ItemParams {
  const key = `${seed}:${easiness}:${q.id}`;
  let p = params.get(key);
  if (!p) {
    const rng = rngFor(seed, "item", q.id);
    // A few items discriminate poorly, as in any real bank.
    const discrimination = chance(rng, 0.06) ? uniform(rng, 0.1, 0.35) : uniform(rng, 0.7, 1.9);
    const difficulty = normal(rng, -easiness + (q.type === "multiple" ? 0.5 : 0), 0.8);
    const pull = new Map(q.options.filter((o) => !q.answer.includes(o.id)).map((o) => [o.id, rng() ** 2 + 0.05]));
    p = { difficulty, discrimination, pull };
    params.set(key, p);
  }
  return p;
}

/** The options a learner of ability `theta` picks (sorted ids; [] when left blank). */
export function respond(rng: Rng, seed: string, q: Choice, theta: number, easiness: number, blank = 0.005): string[] {
  if (chance(rng, blank)) return [];
  const { difficulty, discrimination, pull } = itemParams(seed, q, easiness);
  if (chance(rng, sigmoid(discrimination * (theta - difficulty)))) return [...q.answer].sort();
  const wrong = [...pull.keys()];
  const distractor = () => weightedPick(rng, wrong, wrong.map((id) => pull.get(id)!));
  if (q.type === "single") return [distractor()];
  // Multiple choice is all-or-nothing: a wrong answer misses a key, adds a distractor, or both.
  const chosen = new Set(q.answer);
  const r = rng();
  if (r < 0.75 || wrong.length === 0) chosen.delete(q.answer[Math.floor(rng() * q.answer.length)]);
  if (r >= 0.5 && wrong.length > 0) chosen.add(distractor());
  if (chosen.size === 0) chosen.add(distractor());
  return [...chosen].sort();
}
