// Pages of the web diary: a template from templates/web/ inside the layout,
// escaped by the reports' template engine (src/reports/template.ts), so no
// value from the database reaches the page unescaped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { packageRoot } from '../package-root.ts';
import { renderTemplate } from '../reports/templates.ts';
import type { DiaryChild } from '../services/diary.ts';

export interface PageOptions {
  title: string;
  heading?: string;
  flash?: string;
  error?: string;
  children?: readonly DiaryChild[];
  /** The child being shown, and the tab, for the navigation. */
  current?: { studentId: number; tab: string; guardian: boolean };
  tabs?: { href: string; label: string; current: boolean }[];
  status?: number;
}

const STUDENT_TABS: [string, string][] = [
  ['nedela', 'Dienasgrāmata'],
  ['sekmes', 'Sekmes'],
  ['kavejumi', 'Kavējumi'],
  ['piezimes', 'Piezīmes'],
];

function studentTabs(current: NonNullable<PageOptions['current']>) {
  const tabs = current.guardian ? [...STUDENT_TABS, ['izraksts', 'Izraksts'] as [string, string]] : STUDENT_TABS;
  return tabs.map(([tab, label]) => ({ href: `/skolens/${current.studentId}/${tab}`, label, current: tab === current.tab }));
}

export function sendPage(request: FastifyRequest, reply: FastifyReply, template: string, view: Record<string, unknown>, options: PageOptions): FastifyReply {
  const csrf = reply.generateCsrf();
  const body = renderTemplate(`web/${template}`, { ...view, csrf });
  const signedIn = request.signedIn;
  const children = options.children && options.children.length > 0 && options.current
    ? options.children.map((c) => ({ name: c.name, class: c.class, href: `/skolens/${c.id}/${options.current!.tab}`, current: c.id === options.current!.studentId }))
    : undefined;
  const html = renderTemplate('web/layout', {
    title: options.title,
    heading: options.heading ?? options.title,
    school: request.school.name,
    person: signedIn && !signedIn.mustChangePassword ? signedIn.actor.name : signedIn ? signedIn.username : null,
    csrf,
    children: children && children.length > 1 ? children : undefined,
    tabs: options.tabs ?? (options.current ? studentTabs(options.current) : undefined),
    flash: options.flash,
    error: options.error,
    body,
  });
  return reply
    .code(options.status ?? 200)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(html.trustedHtml);
}

let css: string | undefined;

export function stylesheet(): string {
  css ??= readFileSync(join(packageRoot(), 'templates', 'web', 'web.css'), 'utf8');
  return css;
}
