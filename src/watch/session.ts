// A watch session: compile an issue folder, then compile it again whenever
// one of its inputs changes — the folder (items, issue.yaml, images, fonts
// kept there), the template and the font files the last good build used.
// `build --watch` and `preview` are two sessions with different `onCompiled`.

import path from 'node:path';
import type { CompileResult } from '../pipeline/build.js';
import { forgetFace } from '../fonts/fontset.js';
import { FolderWatcher } from './folder-watcher.js';
import { IncrementalCompiler } from './incremental.js';
import { Rebuilder, DEBOUNCE_MS, type Settled } from './rebuilder.js';

export interface SessionOptions {
  dir: string;
  /**
   * Called after every compile, with the time the compile started (performance.now()). Before it shows or
   * writes anything it awaits `settled()`: false means a newer change voids this build (see rebuilder.ts).
   */
  onCompiled(result: CompileResult, started: number, settled: Settled): Promise<void> | void;
  /** Files whose changes are ours, not the user's (the PDF we write). */
  ignore?(file: string): boolean;
  /** A bug in a build: report it and keep watching. */
  onError?(e: unknown): void;
  debounce?: number;
}

export class WatchSession {
  readonly compiler: IncrementalCompiler;
  private readonly watcher: FolderWatcher;
  private readonly rebuilder: Rebuilder;
  /** Absolute path → the path a face was opened with (what forgetFace wants). */
  private fontFiles = new Map<string, string>();

  constructor(private readonly opts: SessionOptions) {
    this.compiler = new IncrementalCompiler(opts.dir);
    this.rebuilder = new Rebuilder((settled) => this.build(settled), opts.debounce ?? DEBOUNCE_MS);
    this.watcher = new FolderWatcher((file) => this.changed(file));
  }

  /** Builds once, then watches. Resolves after the first build. */
  async start(): Promise<void> {
    this.watcher.addTree(this.opts.dir);
    await this.rebuilder.run();
  }

  /** Stops watching; waits for a build in progress, so nothing is left half-written. */
  async close(): Promise<void> {
    this.watcher.close();
    await this.rebuilder.stop();
  }

  private changed(file: string): void {
    if (this.opts.ignore?.(file)) return;
    // The next compile reads this path from disk whatever its stat says (a same-size save within the stat's grain).
    this.compiler.invalidate(file);
    const face = this.fontFiles.get(file);
    if (face) forgetFace(face);
    this.rebuilder.poke();
  }

  private async build(settled: Settled): Promise<void> {
    try {
      const started = performance.now();
      const result = await this.compiler.compile();
      if (result.compiled) this.watchInputs(result);
      await this.opts.onCompiled(result, started, settled);
    } catch (e) {
      this.opts.onError?.(e);
    }
  }

  /** The template, fonts and images may live outside the folder; watch the ones the build used. */
  private watchInputs({ compiled }: CompileResult): void {
    if (!compiled) return;
    this.watcher.addFile(compiled.template.file);
    for (const item of compiled.issue.items) for (const p of item.paragraphs) if (p.figure) this.watcher.addFile(p.figure.path);
    for (const face of compiled.fonts.faces.values()) {
      const abs = path.resolve(face.path);
      this.fontFiles.set(abs, face.path);
      this.watcher.addFile(abs);
    }
  }
}
