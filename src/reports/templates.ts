import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.ts';
import { compile, render, trusted, type TrustedHtml } from './template.ts';

/** templates/NAME.html, each compiled once per process. */
const compiled = new Map<string, ReturnType<typeof compile>>();

function templateFile(name: string): string {
  return join(packageRoot(), 'templates', `${name}.html`);
}

function load(name: string): ReturnType<typeof compile> {
  let nodes = compiled.get(name);
  if (!nodes) {
    nodes = compile(readFileSync(templateFile(name), 'utf8'), `${name}.html`);
    compiled.set(name, nodes);
  }
  return nodes;
}

/** Renders templates/NAME.html; `{{> part}}` includes templates/partials/part.html. */
export function renderTemplate(name: string, view: unknown): TrustedHtml {
  return trusted(render(load(name), view, (partial) => load(`partials/${partial}`), `${name}.html`));
}

let stylesheet: TrustedHtml | undefined;

function reportCss(): TrustedHtml {
  stylesheet ??= trusted(readFileSync(join(packageRoot(), 'templates', 'report.css'), 'utf8'));
  return stylesheet;
}

export interface PageSetup {
  lang: 'lv' | 'en';
  title: string;
  landscape?: boolean;
  /**
   * For print: each section's footer line, printed by the browser at the foot
   * of the section's pages. The sections are then also named destinations of
   * the PDF (see pdf-sections.ts), which tell on which page each one starts.
   */
  footers?: readonly string[];
}

/** A CSS string literal: quotes, backslashes and `<` (no `</style>`) as escapes. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<>&\u0000-\u001f\u007f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * A named page per section whose bottom-left margin box holds its footer line;
 * the page number beside it is stamped later, counted per section.
 */
function sectionPages(footers: readonly string[]): string {
  return footers
    .map((text, i) => `@page ${sectionId(i)} { @bottom-left { content: ${cssString(text)}; ${FOOTER_STYLE} } }\n#${sectionId(i)} { page: ${sectionId(i)}; }`)
    .join('\n');
}

/** As the footer of every report page: small grey DejaVu Sans, its baseline matched by the stamped page number. */
const FOOTER_STYLE = "font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 7.5px; color: #555; vertical-align: middle;";

/** The id of a printed section, also its named destination in the PDF. */
export function sectionId(index: number): string {
  return `section-${index + 1}`;
}

export const PAGE_REFERENCE_PREFIX = 'pageref-';

/** The id of an element that links point to with its page number stamped beside them (pdf-sections.ts): a contents entry's target. */
export function pageReferenceId(name: string | number): string {
  return `${PAGE_REFERENCE_PREFIX}${name}`;
}

/**
 * A whole HTML document around one or more rendered report bodies. Each body is
 * its own section starting on a new page, so a class's extracts print in one go.
 */
export function renderDocument(setup: PageSetup, bodies: readonly TrustedHtml[]): string {
  const { footers } = setup;
  if (footers && footers.length !== bodies.length) throw new Error(`${bodies.length} sections but ${footers.length} footers`);
  const page = `@page { size: A4 ${setup.landscape ? 'landscape' : 'portrait'}; margin: 14mm 14mm 16mm 14mm; }`;
  return renderTemplate('layout', {
    lang: setup.lang,
    title: setup.title,
    css: reportCss(),
    page: trusted(footers ? `${page}\n${sectionPages(footers)}` : page),
    // Each section links to itself: Chromium writes the ids of link targets as named destinations.
    sections: bodies.map((body, i) => ({ body, id: footers ? sectionId(i) : undefined })),
  }).trustedHtml;
}
