// Compile an issue folder again and again, redoing only what changed: an item
// file (or issue.yaml) whose text is unchanged keeps its parse (and its diagnostics), and
// an item whose content and lead flag are unchanged keeps its laid-out blocks
// (its images' content included: the load stage reads them every time).
// Parses and blocks are keyed by content, never by time; a file is opened again only when
// its stat changed, it changed recently, or the watcher named it (source-cache.ts). Fonts
// stay open (src/fonts keeps every face for the process); pagination, masthead and footer
// always rerun.

import path from 'node:path';
import { compile, type CompileResult, type StageCaches } from '../pipeline/build.js';
import { Diagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ItemCoverageCache, Uncovered } from '../fonts/coverage.js';
import type { FontSet } from '../fonts/fontset.js';
import { hasFontExtension } from '../fonts/resolve.js';
import { readIssueYaml } from '../issue/issue-yaml.js';
import { readItem } from '../issue/item.js';
import { stampNow } from '../issue/read-file.js';
import type { SourceText } from '../issue/source.js';
import type { Issue, Item } from '../issue/model.js';
import type { Block, BlockCache } from '../layout/blocks.js';
import type { LintResult } from '../lint/index.js';
import type { TemplateResults } from '../template/load.js';
import type { Template } from '../template/model.js';
import type { TemplateCache } from '../template/source.js';
import { SourceCache } from './source-cache.js';

export interface CacheStats {
  /** Item files parsed / taken from the cache in the last compile. */
  parsed: number;
  reusedItems: number;
  /** Items laid out / taken from the cache in the last compile. */
  laidOut: number;
  reusedBlocks: number;
}

interface ParsedFile {
  text: string;
  loaded: unknown;
  diagnostics: Diagnostic[];
}

export class IncrementalCompiler {
  stats: CacheStats = { parsed: 0, reusedItems: 0, laidOut: 0, reusedBlocks: 0 };
  private files = new Map<string, ParsedFile>();
  private templates: TemplateCache = new Map();
  private templateResults: TemplateResults = new Map();
  /** Laid-out items of the last good build, and those this build used (kept when it is good). */
  private blocks = new BlockStore();
  private used = new BlockStore();
  private context: { key: string; faces: unknown[] } | undefined;
  private usedFiles = new Set<string>();
  private sources = new SourceCache();
  private lints = new ItemMemo<LintResult>();
  private coverage = new ItemMemo<Uncovered[]>();
  private coverageFaces: unknown[] = [];
  private fonts: { key: string; set: FontSet; stamps: [string, string][] } | undefined;

  constructor(readonly dir: string) {}

  /** The watcher saw `file` change (or appear, or go): the next compile reads it from disk, whatever its stat says. */
  invalidate(file: string): void {
    this.sources.invalidate(file);
    // A font file (also one a bare font name may now find beside the issue), or a folder the system did not name
    // the entry of. The template's and issue.yaml's changes reach the font set's key; images and items do not matter.
    if (hasFontExtension(file) || path.extname(file) === '') this.fonts = undefined;
  }

  async compile(): Promise<CompileResult> {
    this.stats = { parsed: 0, reusedItems: 0, laidOut: 0, reusedBlocks: 0 };
    this.usedFiles.clear();
    this.used = new BlockStore();
    const caches: StageCaches = {
      readItem: (name, src, diags) => this.parsed(src, diags, (own) => readItem(name, src, own), true),
      readIssueYaml: (src, diags) => this.parsed(src, diags, (own) => readIssueYaml(src, own), false),
      templates: this.templates,
      templateResults: this.templateResults,
      readSource: (file, limit, diags) => this.sources.read(file, limit, diags),
      blocks: (t, f, i) => this.blockCache(t, f, i),
      lintItem: (item, key, lint) => this.lints.get(item, key, lint),
      coverage: (fonts) => this.coverageCache(fonts),
      fontSet: (t, issue, diags, load) => this.fontSet(t, issue, diags, load),
    };
    const result = await compile(this.dir, false, caches);
    this.sources.sweep();
    // Forget deleted files and items no longer in the issue, so memory stays bounded.
    for (const file of this.files.keys()) if (!this.usedFiles.has(file)) this.files.delete(file);
    if (result.compiled) this.blocks = this.used;
    this.lints.sweep();
    this.coverage.sweep();
    return result;
  }

  /**
   * A file's parse (an item, or issue.yaml) and its diagnostics, taken from the last compile while its text
   * is the same. `isItem`: counted in the stats.
   */
  private parsed<T>(src: SourceText, diags: Diagnostics, read: (own: Diagnostics) => T, isItem: boolean): T {
    this.usedFiles.add(src.file);
    const hit = this.files.get(src.file);
    if (hit && hit.text === src.text) {
      if (isItem) this.stats.reusedItems++;
      diags.merge(hit.diagnostics);
      return hit.loaded as T;
    }
    if (isItem) this.stats.parsed++;
    // The readers count errors relative to what is already there, so a fresh list captures exactly this file's.
    const own = new Diagnostics();
    const loaded = read(own);
    this.files.set(src.file, { text: src.text, loaded, diagnostics: own.list });
    diags.merge(own.list);
    return loaded;
  }

  /**
   * The font set of the last build, while what names the fonts is the same (the template's fonts,
   * issue.yaml's and its text, the folder) and every face's file has the same stamp. A set whose
   * loading said anything (a font not on this machine, an error) is never kept: it is resolved again.
   */
  private fontSet(template: Template, issue: Issue, diags: Diagnostics, load: (own: Diagnostics) => FontSet | undefined): FontSet | undefined {
    const named = Object.keys(issue.fonts).length > 0;
    const key = JSON.stringify([template.file, template.fonts, issue.dir, issue.fonts, named ? issue.sources[issue.issueFile] : '']);
    const hit = this.fonts;
    if (hit && hit.key === key && hit.stamps.every(([file, stamp]) => stampNow(file) === stamp)) return hit.set;
    this.fonts = undefined;
    const own = new Diagnostics();
    const set = load(own);
    diags.merge(own.list);
    if (!set || own.list.length) return set;
    const files = [...new Set(Object.values(set.chains).flatMap((chain) => chain.map((c) => c.face.path)))];
    const stamps = files.map((file): [string, string | undefined] => [file, stampNow(file)]);
    if (stamps.every((s): s is [string, string] => s[1] !== undefined)) this.fonts = { key, set, stamps };
    return set;
  }

  /** What a character needs depends on every role's chain of faces: when one changes, start afresh. */
  private coverageCache(fonts: FontSet): ItemCoverageCache {
    const faces = Object.values(fonts.chains).flatMap((chain) => [chain.length, ...chain.map((c) => c.metrics)]);
    if (!sameItems(faces, this.coverageFaces)) {
      this.coverage = new ItemMemo();
      this.coverageFaces = faces;
    }
    return (item, key, scan) => this.coverage.get(item, key, scan);
  }

  /** Blocks depend on the template and the faces too: when either changes, start afresh. */
  private blockCache(template: Template, fonts: FontSet, issue: Issue): BlockCache {
    const key = JSON.stringify([template, Object.entries(issue.fonts).map(([role, f]) => [role, f.value])]);
    const faces = [...fonts.faces.values()];
    const same = this.context && this.context.key === key && sameItems(this.context.faces, faces);
    if (!same) {
      this.blocks = new BlockStore();
      this.context = { key, faces };
    }
    return {
      blocks: (item: Item, lead: boolean, make: () => Block[]) => {
        // The parse cache hands back the same Item while its file's text is unchanged: that object is the key,
        // and nothing is serialised. An item with a figure is a new object each build (its image is read
        // again), so on a miss its content is the key.
        let blocks = this.blocks.byItem.get(item)?.[lead ? 1 : 0];
        if (!blocks) {
          const key = JSON.stringify([lead, item], withoutBytes);
          blocks = this.blocks.byContent.get(key);
          if (blocks) this.stats.reusedBlocks++;
          else {
            this.stats.laidOut++;
            blocks = make();
          }
          this.used.byContent.set(key, blocks);
        } else this.stats.reusedBlocks++;
        const pair = this.used.byItem.get(item) ?? [undefined, undefined];
        pair[lead ? 1 : 0] = blocks;
        this.used.byItem.set(item, pair);
        return blocks;
      },
    };
  }
}

/** A result per Item object (the same while its file's text is) and key; what a build did not ask for is dropped after it. */
class ItemMemo<V> {
  private last = new Map<Item, Map<string, V>>();
  private next = new Map<Item, Map<string, V>>();

  get(item: Item, key: string, make: () => V): V {
    let value = this.last.get(item)?.get(key);
    if (value === undefined) value = make();
    let keys = this.next.get(item);
    if (!keys) this.next.set(item, (keys = new Map()));
    keys.set(key, value);
    return value;
  }

  sweep(): void {
    this.last = this.next;
    this.next = new Map();
  }
}

/** An item's blocks, by the Item object ([not lead, lead]) and by its content. */
class BlockStore {
  byItem = new Map<Item, [Block[] | undefined, Block[] | undefined]>();
  byContent = new Map<string, Block[]>();
}

/** An image's bytes stay out of the key (its digest is in it): a photo would make a key of megabytes. */
function withoutBytes(key: string, value: unknown): unknown {
  return key === 'bytes' && value instanceof Uint8Array ? undefined : value;
}

function sameItems(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
