// Filled in by the work plan register.
export const workPlanCalls = {};
