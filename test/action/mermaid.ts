// Every ER diagram a test renders goes through the real mermaid parser, at the lowest version GitHub can be
// running that has the syntax drizzle-guard uses: entity aliases (`t_users["users changed"]`) came in 10.5.0.

import { expect } from 'vitest';

type Mermaid = { parse(text: string): Promise<unknown> };
let mermaid: Promise<Mermaid> | undefined;

/** The ```mermaid blocks of a markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^(`{3,})mermaid\n([\s\S]*?)\n\1$/gm)].map((m) => m[2]!);
}

/** Parses every diagram in the markdown (at least `min`), failing with mermaid's own message. */
export async function expectMermaidParses(markdown: string, min = 1): Promise<void> {
  const blocks = mermaidBlocks(markdown);
  expect(blocks.length).toBeGreaterThanOrEqual(min);
  mermaid ??= import('mermaid').then((m) => m.default as Mermaid);
  const parser = await mermaid;
  for (const block of blocks) await expect(parser.parse(block), block).resolves.toBeTruthy();
}
