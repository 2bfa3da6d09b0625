import type { FileOutput } from '@shared/contract/define';
import { REPORT_STEP_LABELS, REPORT_STEPS, type ReportPeriod, type ReportStep } from '@shared/contract/reports';
import type { CallContext } from '@main/api/dispatch';
import { databaseHost } from '@main/api/databaseHost';
import { runInWorker, startJob, type TaskContext, type WorkerTask } from '@main/api/jobs';
import { periodLabel } from './assemble';
import { reportDocx } from './documents';
import { requireReport } from './reports';

/**
 * The report's Word file is built in a worker thread on its own connection: reading ten years of
 * every register, drawing the charts (ECharts and resvg load there, not in the main process) and
 * writing the document never stall the window. The job's progress is the steps of REPORT_STEPS,
 * each a third of the way, the charts counted one by one within theirs.
 */

interface TaskInput {
  period: ReportPeriod;
}

/** Progress in thirds: a step's place, plus how far into it. */
function stepProgress(ctx: Pick<TaskContext, 'progress' | 'checkCancelled'>) {
  return (step: ReportStep, done = 0, total = 1) => {
    ctx.checkCancelled();
    ctx.progress(REPORT_STEP_LABELS[step], REPORT_STEPS.indexOf(step) + done / Math.max(total, 1), REPORT_STEPS.length);
  };
}

export const reportsWorkerTasks = {
  'reports.docx': {
    access: 'read',
    run: ({ period }: TaskInput, ctx: TaskContext) => reportDocx(ctx.db, period, stepProgress(ctx)),
  } satisfies WorkerTask<TaskInput, FileOutput>,
};

export function startReportJob(ctx: CallContext, period: ReportPeriod) {
  requireReport(ctx.db, period);
  const binding = databaseHost(ctx)?.openOptions.nativeBinding;
  return startJob<FileOutput>({
    kind: 'report',
    title: `Отчёт за ${periodLabel(period)} (Word)`,
    busyAs: 'формирование отчёта',
    changes: [],
    run: (control) =>
      runInWorker<FileOutput>('reports.docx', { period } satisfies TaskInput, {
        db: () => ctx.db,
        dbFile: ctx.env.dbFile,
        ...(binding ? { nativeBinding: binding } : {}),
        description: 'формирование отчёта',
        signal: control.signal,
        onProgress: (step, done, total) => control.progress(step, done, total),
      }),
  });
}
