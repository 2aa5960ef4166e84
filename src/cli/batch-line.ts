import { AppError } from '../errors.ts';
import { m as t } from '../i18n/messages/system.ts';

/**
 * One line of a batch script, split into words as a POSIX shell would split
 * a command written after `ezurnals`: blanks separate words, '…' keeps
 * everything, "…" keeps everything but \" \\ \$ \`, a backslash outside
 * quotes keeps the next character, and `#` at the start of a word begins a
 * comment. A batch line is not a shell, though: what a shell would expand or
 * redirect ($VAR, `…`, |, ;, &, <, >, (, )) is refused rather than passed on
 * as text, so a line copied from a shell script never silently means
 * something else. Quote such a character to pass it.
 *
 * Returns no words for a blank or comment line.
 */
export function splitBatchLine(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let i = 0;
  const refuse = (c: string): never => {
    throw new AppError('usage', t.notAShell(c));
  };
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      if (word !== null) words.push(word);
      word = null;
      i++;
    } else if (c === '#' && word === null) {
      break;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new AppError('usage', t.unclosedSingle);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      let text = '';
      i++;
      for (;;) {
        if (i >= line.length) throw new AppError('usage', t.unclosedDouble);
        const d = line[i]!;
        if (d === '"') break;
        if (d === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) {
          text += line[i + 1];
          i += 2;
        } else if (d === '$' || d === '`') {
          refuse(d);
        } else {
          text += d;
          i++;
        }
      }
      word = (word ?? '') + text;
      i++;
    } else if (c === '\\') {
      if (i + 1 >= line.length) throw new AppError('usage', t.trailingBackslash);
      word = (word ?? '') + line[i + 1];
      i += 2;
    } else if ('$`|;&<>()'.includes(c)) {
      refuse(c);
    } else {
      word = (word ?? '') + c;
      i++;
    }
  }
  if (word !== null) words.push(word);
  return words;
}
