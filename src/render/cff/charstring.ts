// Which subroutines a Type 2 charstring calls (Adobe Technote 5177), found by
// reading its bytes for numbers and operators only: no outline is built. Both
// subsetters use it: subset-prime.ts (over fontkit's parsed font) and
// subset.ts (over the few bytes it reads of the font file).

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

/**
 * The subroutines `charstring` calls, as fontkit's outline builder would record them. Undefined when the
 * scanner cannot follow it: operands computed by arithmetic operators, CFF2 blends, too deep nesting.
 * (With `missing` set, a failure may be an effect of what was skipped, so the calls found so far are returned.)
 */
export function scanCharstring(charstring: Uint8Array, gsubrs: SubrTable, lsubrs: SubrTable): SubrCalls | undefined {
  const gBias = subrBias(gsubrs.count);
  const lBias = subrBias(lsubrs.count);
  const calls: SubrCalls = { global: new Set(), local: new Set(), missing: false };
  const stack: number[] = [];
  let stems = 0;
  let ok = true;

  const stemHints = () => {
    // An odd count means the first number is the glyph's width.
    stems += stack.length >> 1;
    stack.length = 0;
  };
  const run = (bytes: Uint8Array, depth: number): void => {
    const end = bytes.length;
    let pos = 0;
    while (pos < end && ok) {
      const op = bytes[pos++]!;
      if (op >= 32 && op <= 246) stack.push(op - 139);
      else if (op >= 247 && op <= 250) stack.push((op - 247) * 256 + bytes[pos++]! + 108);
      else if (op >= 251 && op <= 254) stack.push(-(op - 251) * 256 - bytes[pos++]! - 108);
      else if (op === 255) {
        stack.push(((bytes[pos]! << 24) | (bytes[pos + 1]! << 16) | (bytes[pos + 2]! << 8) | bytes[pos + 3]!) / 65536);
        pos += 4;
      } else if (op === 28) {
        stack.push((((bytes[pos]! << 8) | bytes[pos + 1]!) << 16) >> 16);
        pos += 2;
      } else if (op === 1 || op === 3 || op === 18 || op === 23) stemHints();
      else if (op === 19 || op === 20) {
        // hintmask, cntrmask: a vstem list may precede them; then one mask bit per stem.
        stemHints();
        pos += (stems + 7) >> 3;
      } else if (op === 10 || op === 29) {
        const table = op === 10 ? lsubrs : gsubrs;
        const index = stack.pop()! + (op === 10 ? lBias : gBias);
        // A number out of range calls nothing (as in fontkit's outline builder).
        if (!(Number.isInteger(index) && index >= 0 && index < table.count)) continue;
        (op === 10 ? calls.local : calls.global).add(index);
        const subr = table.get(index);
        if (!subr) calls.missing = true;
        else if (depth >= MAX_DEPTH) ok = false;
        else run(subr, depth + 1);
      } else if (op === 11) return;
      else if (op === 12) {
        const op2 = bytes[pos++]!;
        // Flex operators draw curves; the arithmetic ones compute operands, which only fontkit follows.
        if (op2 >= 34 && op2 <= 37) stack.length = 0;
        else ok = false;
      } else if (op === 15 || op === 16) ok = false; // CFF2 vsindex, blend
      else stack.length = 0; // a drawing operator (or endchar, after which fontkit reads on)
    }
  };
  run(charstring, 0);
  return ok || calls.missing ? calls : undefined;
}
