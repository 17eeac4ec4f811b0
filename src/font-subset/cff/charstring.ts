// Which subroutines a Type 2 charstring calls (Adobe Technote 5177), found by
// reading its bytes for numbers and operators only: no outline is built.
// subset.ts uses it over the few bytes it reads of the font file.

/** A subroutine INDEX, global or local. */
export interface SubrTable {
  /** How many subroutines the INDEX holds: it fixes the bias of subroutine numbers. */
  readonly count: number;
  /** Subroutine `index`'s charstring (unbiased index); undefined when its bytes are not at hand yet. */
  get(index: number): Uint8Array | undefined;
}

export interface SubrCalls {
  /** Unbiased numbers of the global subroutines called, directly or through other subroutines. */
  global: Set<number>;
  local: Set<number>;
  /**
   * Some subroutine called was not at hand (its number is in the sets above). The scan went on as if it
   * did nothing, so what follows may be misread: load what is missing and scan again.
   */
  missing: boolean;
}

/** The number added to a subroutine operand to index the INDEX (Type 2, section 4.7). */
export function subrBias(count: number): number {
  return count < 1240 ? 107 : count < 33900 ? 1131 : 32768;
}

/** Type 2 allows 10 levels of subroutine calls; deeper means a broken font. */
const MAX_DEPTH = 10;

/** Type 2 allows 48 operands; fontkit has no limit, so this only stops a runaway scan of a broken charstring. */
const MAX_STACK = 512;

/**
 * The subroutines `charstring` calls, as fontkit's outline builder would record them. Undefined when the
 * scanner cannot follow it: operands computed by arithmetic operators, CFF2 blends, too deep nesting.
 * A font without subroutines is not scanned at all.
 * (With `missing` set, a failure may be an effect of what was skipped, so the calls found so far are returned.)
 */
export function scanCharstring(charstring: Uint8Array, gsubrs: SubrTable, lsubrs: SubrTable): SubrCalls | undefined {
  const calls: SubrCalls = { global: new Set(), local: new Set(), missing: false };
  // No subroutines, no calls: nothing to learn from the bytes.
  if (gsubrs.count === 0 && lsubrs.count === 0) return calls;
  const scan = new Scan(gsubrs, lsubrs, calls);
  scan.run(charstring, 0);
  return scan.ok || calls.missing ? calls : undefined;
}

/** The operand stack, shared by all scans (one runs at a time, start to end). */
const STACK = new Float64Array(MAX_STACK);

class Scan {
  private readonly gBias: number;
  private readonly lBias: number;
  private sp = 0;
  private stems = 0;
  ok = true;

  constructor(
    private readonly gsubrs: SubrTable,
    private readonly lsubrs: SubrTable,
    private readonly calls: SubrCalls,
  ) {
    this.gBias = subrBias(gsubrs.count);
    this.lBias = subrBias(lsubrs.count);
  }

  run(bytes: Uint8Array, depth: number): void {
    const stack = STACK;
    const end = bytes.length;
    let pos = 0;
    let sp = this.sp;
    while (pos < end) {
      const op = bytes[pos++]!;
      if (op >= 32 || op === 28) {
        if (sp === MAX_STACK) return this.fail();
        if (op <= 246 && op >= 32) stack[sp++] = op - 139;
        else if (op <= 250 && op >= 32) stack[sp++] = (op - 247) * 256 + bytes[pos++]! + 108;
        else if (op <= 254 && op >= 32) stack[sp++] = -(op - 251) * 256 - bytes[pos++]! - 108;
        else if (op === 255) {
          stack[sp++] = ((bytes[pos]! << 24) | (bytes[pos + 1]! << 16) | (bytes[pos + 2]! << 8) | bytes[pos + 3]!) / 65536;
          pos += 4;
        } else {
          stack[sp++] = (((bytes[pos]! << 8) | bytes[pos + 1]!) << 16) >> 16;
          pos += 2;
        }
      } else if (op === 1 || op === 3 || op === 18 || op === 23 || op === 19 || op === 20) {
        // Stem hints; an odd count of operands means the first is the glyph's width.
        this.stems += sp >> 1;
        sp = 0;
        // hintmask, cntrmask: one mask bit per stem follows.
        if (op === 19 || op === 20) pos += (this.stems + 7) >> 3;
      } else if (op === 10 || op === 29) {
        const table = op === 10 ? this.lsubrs : this.gsubrs;
        const index = (sp > 0 ? stack[--sp]! : NaN) + (op === 10 ? this.lBias : this.gBias);
        // A number out of range calls nothing (as in fontkit's outline builder).
        if (!(Number.isInteger(index) && index >= 0 && index < table.count)) continue;
        (op === 10 ? this.calls.local : this.calls.global).add(index);
        const subr = table.get(index);
        if (!subr) this.calls.missing = true;
        else if (depth >= MAX_DEPTH) return this.fail();
        else {
          this.sp = sp;
          this.run(subr, depth + 1);
          if (!this.ok) return;
          sp = this.sp;
        }
      } else if (op === 11) break;
      else if (op === 12) {
        const op2 = bytes[pos++]!;
        // Flex operators draw curves; the arithmetic ones compute operands, which only fontkit follows.
        if (op2 >= 34 && op2 <= 37) sp = 0;
        else return this.fail();
      } else if (op === 15 || op === 16) return this.fail(); // CFF2 vsindex, blend
      else sp = 0; // a drawing operator (or endchar, after which fontkit reads on)
    }
    this.sp = sp;
  }

  private fail(): void {
    this.ok = false;
  }
}
