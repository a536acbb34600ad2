export function prRepository(project: string, out: string): { dir: string; out: string; tag: string };
