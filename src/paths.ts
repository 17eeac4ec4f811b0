import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The package's root folder (holding templates/ and fonts/), from dist/ or src/ alike. */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const templatesDir = path.join(packageRoot, 'templates');
export const fontsDir = path.join(packageRoot, 'fonts');

/** A path as the user would type it: relative to the working directory when inside it. */
export function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}
