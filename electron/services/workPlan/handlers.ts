export const workPlanHandlers = {};
