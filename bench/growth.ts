// Time growth of a function on hostile inputs of size n and 4n: about 4 when linear, 16 when quadratic.
// The machine is shared and noisy, so each size is timed over enough repeats to take a few milliseconds (a timer
// read or a short pause then weighs little), the two sizes are timed in alternation (a busy stretch of the machine
// slows both), and the fastest round of each is kept.

const MIN_ROUND_MS = 5;
const ROUNDS = 7;

/** time(4n) / time(n) for `run` over every input that `makers` build at each size. */
export function growthRatio(makers: ReadonlyArray<(n: number) => string>, run: (input: string) => unknown, n: number, repeats: number): number {
  const small = makers.map((make) => make(n));
  const large = makers.map((make) => make(4 * n));
  const timeOf = (inputs: string[], times: number) => {
    const start = performance.now();
    for (let i = 0; i < times; i++) for (const input of inputs) run(input);
    return performance.now() - start;
  };
  timeOf(small, repeats); // warm up
  timeOf(large, repeats);
  let times = repeats;
  while (timeOf(small, times) < MIN_ROUND_MS && times < 1_000_000) times *= 2;
  let smallMs = Infinity;
  let largeMs = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    smallMs = Math.min(smallMs, timeOf(small, times));
    largeMs = Math.min(largeMs, timeOf(large, times));
  }
  return largeMs / Math.max(smallMs, 0.05);
}
