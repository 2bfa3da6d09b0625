/** The annual report's states: a draft regenerates from the registers, an approved one is frozen. */
export const REPORT_STATUSES = ['draft', 'approved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = { draft: 'Черновик', approved: 'Утверждён' };

/**
 * The steps of building the report's Word file, as its job runs them in the worker and the screen
 * lists them: the data read from every register, the trend charts drawn, the document written.
 */
export const REPORT_STEPS = ['data', 'charts', 'docx'] as const;
export type ReportStep = (typeof REPORT_STEPS)[number];

export const REPORT_STEP_LABELS: Record<ReportStep, string> = {
  data: 'Сбор данных из реестров',
  charts: 'Диаграммы',
  docx: 'Документ Word',
};
