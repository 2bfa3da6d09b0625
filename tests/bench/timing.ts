import type { App } from '@main/api/app';
import type { CallInput, CallName } from '@shared/contract';

export interface BenchRow {
  name: string;
  medianMs: number;
  targetMs: number;
}

/**
 * Times a call through the real dispatcher: three warm-up runs, then the median of `runs`, against
 * a register's own target. Shared by the registers' benchmarks (meetings, events, publications).
 */
export function callTimer(app: Pick<App, 'dispatch'>, runs: number) {
  return async function time<K extends CallName>(name: string, call: K, input: CallInput<K>, targetMs: number): Promise<BenchRow> {
    const samples: number[] = [];
    for (let i = 0; i < runs + 3; i++) {
      const started = performance.now();
      const result = await app.dispatch(call, input);
      const elapsed = performance.now() - started;
      if (!result.ok) throw new Error(`${call} failed: ${result.error.message}`);
      if (i >= 3) samples.push(elapsed);
    }
    samples.sort((a, b) => a - b);
    return { name, medianMs: Math.round(samples[Math.floor(samples.length / 2)]! * 10) / 10, targetMs };
  };
}
