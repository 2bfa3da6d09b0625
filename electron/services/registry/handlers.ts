export const registryHandlers = {};
