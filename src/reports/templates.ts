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
}

/**
 * A whole HTML document around one or more rendered report bodies. Each body is
 * its own section starting on a new page, so a class's extracts print in one go.
 */
export function renderDocument(setup: PageSetup, bodies: readonly TrustedHtml[]): string {
  return renderTemplate('layout', {
    lang: setup.lang,
    title: setup.title,
    css: reportCss(),
    page: trusted(`@page { size: A4 ${setup.landscape ? 'landscape' : 'portrait'}; margin: 14mm 14mm 16mm 14mm; }`),
    sections: bodies.map((body) => ({ body })),
  }).trustedHtml;
}
