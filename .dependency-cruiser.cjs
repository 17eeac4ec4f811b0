// The layering of src/, as rules dependency-cruiser checks (`npm run lint:deps`,
// and test/architecture/layers.test.ts in `npm test`).
//
// Floors, lowest first. A module may import its own floor and the floors below,
// never one above. Each floor is a list of top folders (or loose files) of src/:
// after a folder moves, change its name here and nothing else.
const FLOORS = [
  // ground: positioned diagnostics and their messages, character classes, paths, atomic writes
  ['diagnostics', 'text', 'paths.ts', 'output'],
  // the stages before layout: read the template, the fonts, the issue; lint it;
  // the font subsetters (pure byte programs the writers call)
  ['template', 'fonts', 'font-subset', 'issue', 'content', 'lint'],
  // layout: pure, a display list from the issue, the template and font metrics;
  // the pipeline's value (the laid-out issue) that every writer reads
  ['layout', 'pipeline/compiled.ts'],
  // the writers and readers of editions: PDF, SVG, Word, OFD, and their checkers
  ['render', 'verify', 'pdfa-check', 'ofd-check'],
  // the pipeline and what runs it: check, build, watch, series, volumes, new issues, imports;
  // the catalogue of every stage's messages and the reporters that show them
  ['pipeline', 'watch', 'series', 'volume', 'scaffold', 'import', 'report'],
  // the preview server (it runs a watch session)
  ['preview'],
  // the command line
  ['cli'],
];

// Output libraries and file access that layout must never reach.
const OUTPUT_LIBRARIES = ['pdfkit', 'fontkit', 'docx', 'harfbuzzjs', 'pdfjs-dist'];

/** A path pattern for the top folders (or loose files) of src/ named in `names`. */
const under = (names) => `^src/(${names.map((n) => n.replace(/\./g, '\\.')).join('|')})($|/)`;

// The one port: layout says what it needs of a font (layout/metrics.ts, types only)
// and fonts/ implements it, so layout never imports fonts/.
const PORTS = { fonts: ['layout/metrics.ts'] };

// One rule per folder, named by its floor: what it may not import is every higher
// floor, except a file named on a lower floor (pipeline/compiled.ts) and its ports.
const floorRules = FLOORS.slice(0, -1).flatMap((floor, i) =>
  floor.map((name) => ({
    name: `floor-${i}-imports-up`,
    comment: `${name} (floor ${i}: ${floor.join(', ')}) may not import a higher floor (${FLOORS.slice(i + 1).flat().join(', ')})`,
    severity: 'error',
    from: { path: under([name]) },
    to: { path: under(FLOORS.slice(i + 1).flat()), pathNot: under([...FLOORS.slice(0, i + 1).flat(), ...(PORTS[name] ?? [])]) },
  })),
);

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'an import cycle: the modules cannot be understood, tested or loaded one without the other',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'layout-is-pure',
      comment: 'layout computes a display list: it reads no files and knows no output library',
      severity: 'error',
      from: { path: '^src/layout/' },
      to: { path: `^(fs|node:fs|fs/promises|node:fs/promises)$|^(node_modules/)?(${OUTPUT_LIBRARIES.join('|')})(/|$)` },
    },
    {
      name: 'floor-unknown',
      comment: 'every top folder of src/ has a floor in .dependency-cruiser.cjs (FLOORS)',
      severity: 'error',
      from: { path: '^src/', pathNot: under(FLOORS.flat()) },
      to: {},
    },
    ...floorRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a type from a higher floor ties the lower one to it just the same.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
