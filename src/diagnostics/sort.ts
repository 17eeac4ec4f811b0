// The order diagnostics are shown in: file by file (in the order given, e.g.
// issue.yaml then the items by name), then by place in the file. Files not in
// the list (the folder itself, a template, the output) follow, in the order
// they first appear. Stable: equal places keep the order they were found in.

import type { Diagnostic } from './diagnostic.js';

export function sortDiagnostics(list: readonly Diagnostic[], fileOrder: readonly string[] = []): Diagnostic[] {
  const rank = new Map<string, number>(fileOrder.map((f, i) => [f, i]));
  for (const d of list) if (!rank.has(d.file)) rank.set(d.file, rank.size);
  return [...list].sort(
    (a, b) => rank.get(a.file)! - rank.get(b.file)! || a.start.line - b.start.line || a.start.column - b.start.column,
  );
}
