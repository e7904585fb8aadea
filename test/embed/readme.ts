/**
 * The README's embed examples, as tests use them: what it documents is what is tested, from one copy.
 * A block is the fenced code right after an `<!-- embed:name -->` marker.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transformWithOxc } from 'vite';

export function readmeBlock(name: string): string {
  const readme = readFileSync('README.md', 'utf8');
  const match = new RegExp(`<!-- embed:${name} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\``).exec(readme);
  if (!match?.[1]) throw new Error(`README.md has no block after <!-- embed:${name} -->`);
  return match[1];
}

/** The embed page's headers as the README gives them, framed by `hostOrigin` instead of the example's. */
export function embedPageHeaders(hostOrigin: string): Record<string, string> {
  const lines = readmeBlock('headers').split('\n');
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  const policy = headers['content-security-policy'];
  if (!policy?.includes('frame-ancestors https://shop.example')) throw new Error("the README's policy no longer frames https://shop.example");
  return { ...headers, 'content-security-policy': policy.replace('frame-ancestors https://shop.example', `frame-ancestors ${hostOrigin}`) };
}

export interface EmbedTokens {
  issueEmbedToken: (userId: string, lifetimeSeconds?: number) => Promise<string>;
  userFromEmbedToken: (request: Request) => Promise<string | undefined>;
}

/** The README's token issuer and checker, compiled and loaded with `secret` as EMBED_TOKEN_SECRET. */
export async function readmeEmbedTokens(secret: string): Promise<EmbedTokens> {
  const { code } = await transformWithOxc(readmeBlock('session-token'), 'session-token.ts');
  const folder = mkdtempSync(join(tmpdir(), 'offramp-readme-'));
  const file = join(folder, 'session-token.mjs');
  writeFileSync(file, code);
  const previous = process.env.EMBED_TOKEN_SECRET;
  process.env.EMBED_TOKEN_SECRET = secret;
  try {
    return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as EmbedTokens;
  } finally {
    if (previous === undefined) delete process.env.EMBED_TOKEN_SECRET;
    else process.env.EMBED_TOKEN_SECRET = previous;
    // Loaded: the module lives on in memory, its file is not needed.
    rmSync(folder, { recursive: true, force: true });
  }
}
