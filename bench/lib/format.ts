/** 12,345 */
export const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** "1 endpoint", "10 endpoints" */
export const count = (n: number, noun: string) => `${fmt(n)} ${n === 1 ? noun : plural(noun)}`;

const plural = (noun: string) => (/[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`);

/** "1 KiB", "64 KiB", "512 B" */
export const size = (bytes: number) => (bytes >= 1024 ? `${bytes / 1024} KiB` : `${bytes} B`);
