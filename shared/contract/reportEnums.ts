/** The annual report's states: a draft regenerates from the registers, an approved one is frozen. */
export const REPORT_STATUSES = ['draft', 'approved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = { draft: 'Черновик', approved: 'Утверждён' };
