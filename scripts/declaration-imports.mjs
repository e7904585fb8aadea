/**
 * `node scripts/declaration-imports.mjs dist/types`: gives every relative import in the emitted
 * declarations the file it names (`./errors` → `./errors.js`, `../proxy` → `../proxy/index.js`).
 *
 * The sources import without extensions, as Vite resolves them; TypeScript copies those specifiers
 * into the `.d.ts` files as written, and a partner's TypeScript under `moduleResolution: node16`
 * or `nodenext` resolves an ES module's relative imports only when they name their file. A
 * specifier that names no emitted declaration fails the build.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const RELATIVE_SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}(?:\/[^'"]*)?)\2/g;

/** @param {string} directory @returns {string[]} */
const declarationsUnder = (directory) =>
  readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .map((file) => join(directory, file))
    .filter((file) => file.endsWith('.d.ts') && statSync(file).isFile());

/** @param {string} fromFile @param {string} specifier @returns {string | undefined} */
const withFile = (fromFile, specifier) => {
  const bare = specifier.replace(/\.(?:[cm]?[jt]sx?)$/, '');
  const base = join(dirname(fromFile), bare);
  if (existsSync(`${base}.d.ts`)) return `${bare}.js`;
  if (existsSync(join(base, 'index.d.ts'))) return `${bare.replace(/\/$/, '')}/index.js`;
  return undefined;
};

const root = process.argv[2];
if (!root) throw new Error('usage: node scripts/declaration-imports.mjs <declarations folder>');

const unresolved = [];
let rewritten = 0;
for (const file of declarationsUnder(root)) {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(RELATIVE_SPECIFIER, (whole, keyword, quote, specifier) => {
    const target = withFile(file, specifier);
    if (!target) {
      unresolved.push(`${relative(root, file)}: ${specifier}`);
      return whole;
    }
    if (target === specifier) return whole;
    rewritten += 1;
    return `${keyword}${quote}${target}${quote}`;
  });
  if (next !== text) writeFileSync(file, next);
}
if (unresolved.length) {
  console.error(`Declarations import files that were not emitted:\n  ${unresolved.join('\n  ')}`);
  process.exit(1);
}
console.log(`declarations: ${rewritten} relative imports name their files`);
