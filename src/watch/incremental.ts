// Compile an issue folder again and again, redoing only what changed: an item
// file (or issue.yaml) whose text is unchanged keeps its parse (and its diagnostics), and
// an item whose content and lead flag are unchanged keeps its laid-out blocks
// (its images' content included: the load stage reads them every time).
// Caches are keyed by content, never by time. Fonts stay open (src/fonts keeps
// every face for the process); pagination, masthead and footer always rerun.

import { compile, type CompileResult, type StageCaches } from '../pipeline/build.js';
import { Diagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { FontSet } from '../fonts/fontset.js';
import { readIssueYaml } from '../issue/issue-yaml.js';
import { readItem } from '../issue/item.js';
import type { SourceText } from '../issue/source.js';
import type { Issue, Item } from '../issue/model.js';
import type { Block, BlockCache } from '../layout/blocks.js';
import type { Template } from '../template/model.js';
import type { TemplateCache } from '../template/source.js';

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
  private blocks = new Map<string, Block[]>();
  private context: { key: string; faces: unknown[] } | undefined;
  private usedFiles = new Set<string>();
  private usedBlocks = new Set<string>();

  constructor(readonly dir: string) {}

  async compile(): Promise<CompileResult> {
    this.stats = { parsed: 0, reusedItems: 0, laidOut: 0, reusedBlocks: 0 };
    this.usedFiles.clear();
    this.usedBlocks.clear();
    const caches: StageCaches = {
      readItem: (name, src, diags) => this.parsed(src, diags, (own) => readItem(name, src, own), true),
      readIssueYaml: (src, diags) => this.parsed(src, diags, (own) => readIssueYaml(src, own), false),
      templates: this.templates,
      blocks: (t, f, i) => this.blockCache(t, f, i),
    };
    const result = await compile(this.dir, false, caches);
    // Forget deleted files and items no longer in the issue, so memory stays bounded.
    for (const file of this.files.keys()) if (!this.usedFiles.has(file)) this.files.delete(file);
    if (result.compiled) for (const key of this.blocks.keys()) if (!this.usedBlocks.has(key)) this.blocks.delete(key);
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

  /** Blocks depend on the template and the faces too: when either changes, start afresh. */
  private blockCache(template: Template, fonts: FontSet, issue: Issue): BlockCache {
    const key = JSON.stringify([template, Object.entries(issue.fonts).map(([role, f]) => [role, f.value])]);
    const faces = [...fonts.faces.values()];
    const same = this.context && this.context.key === key && sameItems(this.context.faces, faces);
    if (!same) {
      this.blocks.clear();
      this.context = { key, faces };
    }
    return {
      blocks: (item: Item, lead: boolean, make: () => Block[]) => {
        const k = JSON.stringify([lead, item], withoutBytes);
        this.usedBlocks.add(k);
        let blocks = this.blocks.get(k);
        if (blocks) this.stats.reusedBlocks++;
        else {
          this.stats.laidOut++;
          blocks = make();
          this.blocks.set(k, blocks);
        }
        return blocks;
      },
    };
  }
}

/** An image's bytes stay out of the key (its digest is in it): a photo would make a key of megabytes. */
function withoutBytes(key: string, value: unknown): unknown {
  return key === 'bytes' && value instanceof Uint8Array ? undefined : value;
}

function sameItems(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
