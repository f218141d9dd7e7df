// Phases of a long operation as performance measures (`<operation>:<phase>`): visible in the DevTools
// performance panel, and read back from the worker by the store bench to say where an import's time goes.

/** Starts timing `operation`; each call of the returned function ends one phase and starts the next. */
export function phaseTimer(operation: string): (phase: string) => void {
  let start = performance.now();
  return (phase) => {
    const name = `${operation}:${phase}`;
    const end = performance.now();
    // Only the latest run of each phase is kept, so a long-lived worker does not collect entries.
    performance.clearMeasures(name);
    performance.measure(name, { start, end });
    start = end;
  };
}
