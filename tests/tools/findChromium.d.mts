/** CHROMIUM_PATH if executable, else the first usual Chromium/Chrome name on PATH, else null. */
export function findChromium(env?: Record<string, string | undefined>): string | null;
export const HOW_TO_GET_CHROMIUM: string;
