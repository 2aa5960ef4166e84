/**
 * Student codes the journal makes itself (issue 14): `S` and the number after
 * the school's highest `S<number>` code, at least three digits (S001, S002, …
 * or S129 after S128), so that they read like the codes schools type
 * themselves and never reveal a personas kods. Used by the students import for
 * a file without a code column and by migration 0014 for codes that were a
 * personas kods.
 */
export function studentCodeGenerator(taken: Iterable<string>): () => string {
  const used = new Set<string>();
  let last = 0;
  for (const code of taken) {
    used.add(code.toUpperCase());
    const number = /^S(\d+)$/i.exec(code)?.[1];
    if (number !== undefined) last = Math.max(last, Number(number));
  }
  return () => {
    for (;;) {
      const code = `S${String(++last).padStart(3, '0')}`;
      // A code taken in another case (s130) is skipped.
      if (!used.has(code)) {
        used.add(code);
        return code;
      }
    }
  };
}
