// Time growth of a function on hostile inputs of size n and 4n: about 4 when linear, 16 when quadratic.
// Best of several rounds, after a warm-up, because the machine is shared and noisy.

/** time(4n) / time(n) for `run` over every input that `makers` build at each size. */
export function growthRatio(makers: ReadonlyArray<(n: number) => string>, run: (input: string) => unknown, n: number, repeats: number): number {
  const time = (size: number) => {
    const inputs = makers.map((make) => make(size));
    let best = Infinity;
    for (let round = 0; round < 5; round++) {
      const start = performance.now();
      for (let i = 0; i < repeats; i++) for (const input of inputs) run(input);
      best = Math.min(best, performance.now() - start);
    }
    return best;
  };
  time(n); // warm up
  return time(4 * n) / Math.max(time(n), 0.05);
}
