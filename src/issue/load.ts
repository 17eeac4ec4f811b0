// The load stage: issue folder → Issue model, or diagnostics.
// Reads everything and reports every problem in one run; never throws for bad input.

import path from 'node:path';
import { Diagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { reportMissingDepartments } from './attribution.js';
import { listFolder, readSource as readFile } from './folder.js';
import { readImages, withImages } from './images.js';
import { LIMITS } from './read-file.js';
import { readIssueYaml, type IssueHeader } from './issue-yaml.js';
import { readItem, type LoadedItem } from './item.js';
import type { Issue, Item } from './model.js';
import { compareNames, orderItems } from './order.js';
import type { SourceText } from './source.js';

export interface LoadResult {
  /** Undefined when there are errors. */
  issue?: Issue;
  /**
   * When issue.yaml is fine but some item files have errors: the issue with
   * only the items that loaded, so later checks (lint) still cover them.
   * Its first item may then not be the real lead.
   */
  partial?: Issue;
  diagnostics: Diagnostic[];
  /** Display paths of draft files (`_x.md`, `.x.md`) that were skipped. */
  skipped: string[];
  /** Text of every file that decoded, by display path, for showing source lines. */
  sources: Record<string, string>;
}

/** Reads one item file; watch mode passes one that returns its earlier result for unchanged text. */
export type ItemReader = (name: string, src: SourceText, diags: Diagnostics) => LoadedItem;

/** Reads issue.yaml; watch mode passes one that returns its earlier result for unchanged text. */
export type HeaderReader = (src: SourceText, diags: Diagnostics) => IssueHeader | undefined;

/** Reads and decodes one file; watch mode passes one that skips files unchanged since it last read them. */
export type SourceReader = (file: string, limit: number, diags: Diagnostics) => SourceText | undefined;

/** The readers a long-lived caller (watch mode) replaces with cached ones; a one-shot load passes none. */
export interface LoadReaders {
  item?: ItemReader;
  header?: HeaderReader;
  source?: SourceReader;
}

/** `dir` is the folder as the user typed it; files are shown as `path.join(dir, name)`. */
export async function loadIssue(dir: string, readers: LoadReaders = {}): Promise<LoadResult> {
  const { item: read = readItem, header: readHeader = readIssueYaml, source: readSource = readFile } = readers;
  const diags = new Diagnostics();
  const listing = listFolder(dir, diags);
  if (!listing) return { diagnostics: diags.list, skipped: [], sources: {} };

  const skipped = listing.drafts.sort(compareNames).map((name) => path.join(dir, name));
  const itemNames = listing.items.sort(compareNames);
  const issueFile = path.join(dir, 'issue.yaml');

  const issueSource = listing.hasIssueYaml ? readSource(issueFile, LIMITS.issueYaml, diags) : undefined;
  const itemSources = itemNames.map((name) => readSource(path.join(dir, name), LIMITS.item, diags));

  const sources: Record<string, string> = {};
  let header: IssueHeader | undefined;
  if (!listing.hasIssueYaml) {
    if (!listing.unreadable.includes('issue.yaml')) diags.error(dir, { line: 1, column: 1 }, 'issue/no-issue-yaml', { path: dir });
  } else if (issueSource) {
    sources[issueSource.file] = issueSource.text;
    header = readHeader(issueSource, diags);
  }

  const loaded: LoadedItem[] = [];
  itemNames.forEach((name, i) => {
    const src = itemSources[i];
    if (!src) return; // unreadable or not UTF-8: already reported
    sources[src.file] = src.text;
    loaded.push(read(name, src, diags));
  });
  if (itemNames.length === 0 && listing.unreadable.every((name) => name === 'issue.yaml')) {
    diags.error(dir, { line: 1, column: 1 }, 'issue/no-items', { path: dir, drafts: skipped.length });
  }

  // Images are read on every load, never cached with their item's text: a changed photo must show.
  const images = await readImages(loaded.flatMap((l) => l.figures), diags);

  const ordered = orderItems(
    loaded.filter((l): l is LoadedItem & Pick<Item, 'kind'> => l.kind !== undefined),
    diags,
  );

  // A brief's department may be left to the template's default (check.ts says so then).
  reportMissingDepartments(ordered, undefined, ordered.find((l) => l.kind === 'item')?.file, diags);

  if (!header) return { diagnostics: diags.list, skipped, sources };
  const items = ordered.map((l) => l.item).filter((item): item is Item => item !== undefined).map((item) => withImages(item, images));
  const issue: Issue = { ...header, dir, items, sources };
  if (diags.hasErrors) return { partial: issue, diagnostics: diags.list, skipped, sources };
  return { issue, diagnostics: diags.list, skipped, sources };
}
