import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileOutput } from '@shared/contract/define';
import type { Job } from '@shared/contract/jobs';
import { REPORT_STEP_LABELS } from '@shared/contract/reports';
import { appApi } from '@tests/unit/meetings/helpers';

/**
 * The report's Word file as a job: the call answers at once with a running job, the worker thread
 * (its own connection, the chart pipeline loaded there) goes through the steps, and the finished
 * job answers the file with the charts — read from the file itself.
 */
describe('the annual report built as a job in the worker', () => {
  let api: ReturnType<typeof appApi>;
  beforeAll(async () => {
    api = appApi();
    await api.call('app.initialize', { mode: 'demo' });
    await api.call('reports.create', { year: 2017, quarter: null });
  }, 120_000);
  afterAll(() => api.cleanup());

  /** Polls the job as the screen does, keeping every step it saw. */
  async function follow(job: Job<FileOutput>) {
    const steps: string[] = [job.step];
    while (job.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 5));
      job = (await api.call('jobs.get', { id: job.id })) as Job<FileOutput>;
      if (steps.at(-1) !== job.step) steps.push(job.step);
    }
    return { job, steps };
  }

  it('answers a running job at once and finishes with the DOCX, its charts and its figures', async () => {
    const started = (await api.call('reports.buildDocx', { year: 2017, quarter: null })) as Job<FileOutput>;
    expect(started.state).toBe('running');
    expect(started.title).toBe('Отчёт за 2017 год (Word)');
    const { job, steps } = await follow(started);
    expect(job.error).toBeNull();
    expect(job.state).toBe('ok');
    expect(job.percent).toBe(100);
    // The steps come in their order (a quick one may pass between two polls, never out of order).
    const order = Object.values(REPORT_STEP_LABELS);
    const seen = steps.filter((s) => order.includes(s)).map((s) => order.indexOf(s));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const file = job.result!;
    expect(file.fileName).toBe('Отчёт о работе за 2017 год.docx');
    const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'));
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    expect(media.length).toBeGreaterThan(0);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('проведено 3 заседания');
    expect(text).toContain('Рисунок 1');
  }, 120_000);

  it('refuses at once, with no job, a period that has no report', async () => {
    const error = await api.refusal('reports.buildDocx', { year: 2016, quarter: null });
    expect(error.message).toBe('Отчёт за 2016 год ещё не сформирован: нажмите «Сформировать отчёт»');
  });
});
