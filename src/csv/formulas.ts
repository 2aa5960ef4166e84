// Formula injection (CSV injection, OWASP): a spreadsheet opening our CSV runs
// a cell that begins with `=`, `+`, `-` or `@` as a formula (a tab or a
// carriage return first can hide one), so a lesson topic such as
// `=HYPERLINK("http://…")` typed by anyone who may write a topic would reach
// the deputy's Excel live. Every CSV we write for people puts a single quote
// before such a cell, as OWASP advises: Excel then shows the text with the
// quote in front, and runs nothing.
//
// The prefix is undone by our reader, so an export imports back exactly.
// That needs the mapping to be one-to-one: a value that already begins with
// quotes followed by a trigger character (`'=x`) gets one more quote too
// (`''=x`), and reading removes exactly one quote from any value of that
// shape. Numbers stored as numbers (a negative grade difference, say) are
// never formulas and are written as they are; text is always judged as text,
// so a phone number `+37120000001` is written `'+37120000001` (which also
// keeps Excel from turning it into 3.7E+10).

/** The characters that make a spreadsheet read a cell as a formula. */
const TRIGGER = /^'*[=+\-@\t\r\n]/;

/** The text as it is written to a CSV for people: prefixed with `'` when it could be read as a formula. */
export function neutraliseFormula(text: string): string {
  return TRIGGER.test(text) ? `'${text}` : text;
}

/** Undoes `neutraliseFormula` for a value read back from a CSV. */
export function restoreFormula(text: string): string {
  return text.startsWith("'") && TRIGGER.test(text.slice(1)) ? text.slice(1) : text;
}
