// Which separator a CSV file uses. Latvian Excel writes ';' (the decimal
// separator is ',', so ',' cannot separate fields), other systems ',' and
// "Unicode text" a tab. A ',' in a quoted name or a "7,5" grade must not
// decide it, so counting is quote-aware and looks for the separator every
// record uses the same number of times.

export type Delimiter = ',' | ';' | '\t';

// Order breaks ties: a tab is almost never data, ';' is what Latvian Excel
// writes, ',' is most often data (decimals, "Bērziņš, Jānis").
const CANDIDATES: readonly Delimiter[] = ['\t', ';', ','];

const SAMPLE_RECORDS = 20;

/**
 * Per record (a quoted newline does not end one), how often each candidate
 * occurs outside quotes, for the first `SAMPLE_RECORDS` non-empty records. A
 * record still inside quotes when the text ends is dropped: the text may be
 * the first 64 KiB of a longer file, cut mid-record.
 */
function countPerRecord(text: string): Map<Delimiter, number[]> {
  const counts = new Map<Delimiter, number[]>(CANDIDATES.map((d) => [d, []]));
  let current = new Map<Delimiter, number>(CANDIDATES.map((d) => [d, 0]));
  let inQuotes = false;
  let atFieldStart = true;
  let nonBlank = false;
  let records = 0;
  const finish = () => {
    if (nonBlank) {
      for (const d of CANDIDATES) counts.get(d)!.push(current.get(d)!);
      records++;
    }
    current = new Map<Delimiter, number>(CANDIDATES.map((d) => [d, 0]));
    nonBlank = false;
    atFieldStart = true;
  };
  for (let i = 0; i < text.length && records < SAMPLE_RECORDS; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      finish();
      continue;
    }
    if (ch === '"' && atFieldStart) {
      // Only a quote that opens a field quotes; `SIA "Zeme"` unquoted, or
      // 5" for inches, are data and must not swallow the rest of the line.
      inQuotes = true;
      nonBlank = true;
      atFieldStart = false;
      continue;
    }
    if ((CANDIDATES as readonly string[]).includes(ch)) {
      const d = ch as Delimiter;
      current.set(d, current.get(d)! + 1);
      nonBlank = true;
      atFieldStart = true;
      continue;
    }
    if (ch === ' ') continue; // spaces before an opening quote are allowed
    nonBlank = true;
    atFieldStart = false;
  }
  if (!inQuotes && records < SAMPLE_RECORDS) finish();
  return counts;
}

/**
 * The separator of a CSV text, from its first ~20 non-empty records:
 * the candidate found the same non-zero number of times in every record
 * (the most fields if several are); failing that, the one that most records
 * use as often as the header does. A file with one column gets ','.
 */
export function detectDelimiter(text: string): Delimiter {
  const counts = countPerRecord(text);
  let best: Delimiter | null = null;
  let bestCount = 0;
  for (const d of CANDIDATES) {
    const list = counts.get(d)!;
    const first = list[0] ?? 0;
    if (first > 0 && list.every((n) => n === first) && first > bestCount) {
      best = d;
      bestCount = first;
    }
  }
  if (best) return best;

  // Uneven rows (short rows, a stray unquoted separator in data): score each
  // candidate by how many records agree with the header's count.
  let bestScore = 0;
  for (const d of CANDIDATES) {
    const list = counts.get(d)!;
    const header = list[0] ?? 0;
    if (header === 0) continue;
    const score = list.filter((n) => n === header).length;
    if (score > bestScore || (score === bestScore && best !== null && header > (counts.get(best)![0] ?? 0))) {
      best = d;
      bestScore = score;
    }
  }
  return best ?? ',';
}

/**
 * A --delimiter value: the character itself, or a name for what a shell
 * makes awkward (`tab`, `\t`, `semicolon`, `comma`).
 */
export function normalizeDelimiter(value: string): string | null {
  const names: Record<string, string> = { tab: '\t', '\\t': '\t', semicolon: ';', comma: ',', pipe: '|' };
  const named = names[value.trim().toLowerCase()];
  if (named) return named;
  if (value.length === 1 && value !== '"' && value !== '\n' && value !== '\r') return value;
  return null;
}
