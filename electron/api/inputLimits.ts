/**
 * Bounds on the shape of a call's payload, checked before zod walks it. zod validates a
 * 10-million-element array element by element (and collects an issue for each), which holds the
 * main thread for a noticeable time; no form of the application sends more than a few hundred
 * elements or nests deeper than a handful of levels. The walk stops at the first bound crossed,
 * so refusing a huge payload costs about as much as the bound, not the payload.
 */
export const INPUT_LIMITS = { depth: 32, arrayLength: 10_000, nodes: 200_000, stringLength: 1_000_000 };

export function inputLimitProblem(payload: unknown, limits = INPUT_LIMITS): string | null {
  let nodes = 0;
  const stack: [unknown, number][] = [[payload, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (++nodes > limits.nodes) return `Запрос слишком велик: больше ${limits.nodes} значений`;
    if (typeof value === 'string') {
      if (value.length > limits.stringLength) return 'Запрос слишком велик: текст длиннее миллиона символов';
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= limits.depth) return `Запрос отклонён: вложенность больше ${limits.depth} уровней`;
    if (Array.isArray(value)) {
      if (value.length > limits.arrayLength) return `Запрос отклонён: список длиннее ${limits.arrayLength} элементов`;
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], depth + 1]);
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > limits.arrayLength) return `Запрос отклонён: больше ${limits.arrayLength} полей`;
    for (const key of keys) stack.push([(value as Record<string, unknown>)[key], depth + 1]);
  }
  return null;
}
