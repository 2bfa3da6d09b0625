/** What the approval-date field says under itself, both before its form has loaded and in it. */
export const approvalDescription = (frozen: boolean) =>
  frozen ? 'Копия для утверждения зафиксирована' : 'При утверждении план фиксируется';
