// What a long-lived caller (watch mode) keeps between renders: work whose inputs did not change
// (a font's subset, a page's compressed content) is taken from the render before instead of done again.

/** Results by key, from the last render: holds what the last render used, no more. */
export class RenderCache<T> {
  private kept = new Map<string, T>();
  private used = new Map<string, T>();

  /** The result under `key`, made by `make` when the render before did not make it. */
  get(key: string, make: () => T): T {
    let result = this.used.get(key) ?? this.kept.get(key);
    if (result === undefined) {
      result = make();
      // A promise that fails is not kept: the next render tries again.
      if (result instanceof Promise) result.catch(() => this.used.delete(key));
    }
    this.used.set(key, result);
    return result;
  }

  /** After a render: forget the results it did not use. */
  endRender(): void {
    this.kept = this.used;
    this.used = new Map();
  }
}
