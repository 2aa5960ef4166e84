/**
 * A small logic-less template language for the report templates in templates/.
 *
 *   {{path.to.value}}            the value, HTML-escaped (null and undefined print nothing)
 *   {{{path}}}                   raw HTML: only a TrustedHtml value is accepted, so a
 *                                plain string can never reach the page unescaped
 *   {{#each path}}…{{else}}…{{/each}}   repeats for each item; `.` is the item, `@index` its index
 *   {{#if path}}…{{else}}…{{/if}}       empty arrays, '', 0, null, undefined and false are false
 *   {{#unless path}}…{{/unless}}
 *   {{> name}}                   a partial, rendered with the current scope
 *
 * Names resolve in the innermost scope first, then outwards, as in Mustache.
 */

export interface TrustedHtml {
  readonly trustedHtml: string;
}

/** Marks HTML that this program produced itself (a rendered template), never user data. */
export function trusted(html: string): TrustedHtml {
  return { trustedHtml: html };
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'value'; path: string; raw: boolean }
  | { kind: 'each' | 'if' | 'unless'; path: string; body: Node[]; otherwise: Node[] }
  | { kind: 'partial'; name: string };

export class TemplateError extends Error {
  constructor(template: string, message: string) {
    super(`template ${template}: ${message}`);
    this.name = 'TemplateError';
  }
}

const TAG = /\{\{\{\s*([^}]+?)\s*\}\}\}|\{\{\s*([#/>]?)\s*([^}]*?)\s*\}\}/g;

export function compile(source: string, name = 'template'): Node[] {
  const root: Node[] = [];
  const stack: { node: Extract<Node, { body: Node[] }>; inElse: boolean }[] = [];
  const target = (): Node[] => {
    const top = stack[stack.length - 1];
    return top ? (top.inElse ? top.node.otherwise : top.node.body) : root;
  };
  let last = 0;
  for (const match of source.matchAll(TAG)) {
    if (match.index > last) target().push({ kind: 'text', text: source.slice(last, match.index) });
    last = match.index + match[0].length;
    const [, rawPath, sigil, body] = match;
    if (rawPath !== undefined) {
      target().push({ kind: 'value', path: rawPath, raw: true });
      continue;
    }
    const words = body!.split(/\s+/);
    if (sigil === '#') {
      const kind = words[0];
      if (kind !== 'each' && kind !== 'if' && kind !== 'unless') throw new TemplateError(name, `unknown block {{#${kind}}}`);
      if (!words[1]) throw new TemplateError(name, `{{#${kind}}} needs a name`);
      const node = { kind, path: words[1], body: [], otherwise: [] } as Extract<Node, { body: Node[] }>;
      target().push(node);
      stack.push({ node, inElse: false });
    } else if (sigil === '/') {
      const open = stack.pop();
      if (!open || open.node.kind !== words[0]) throw new TemplateError(name, `{{/${words[0]}}} closes ${open ? `{{#${open.node.kind}}}` : 'nothing'}`);
    } else if (sigil === '>') {
      target().push({ kind: 'partial', name: words[0]! });
    } else if (body === 'else') {
      const top = stack[stack.length - 1];
      if (!top || top.inElse) throw new TemplateError(name, '{{else}} outside a block');
      top.inElse = true;
    } else {
      target().push({ kind: 'value', path: body!, raw: false });
    }
  }
  if (stack.length > 0) throw new TemplateError(name, `{{#${stack[stack.length - 1]!.node.kind}}} is not closed`);
  if (last < source.length) root.push({ kind: 'text', text: source.slice(last) });
  return root;
}

type Scope = { value: unknown; index?: number };

function lookup(scopes: readonly Scope[], path: string): unknown {
  const top = scopes[scopes.length - 1]!;
  if (path === '.' || path === 'this') return top.value;
  if (path === '@index') return top.index;
  const [head, ...rest] = path.split('.');
  for (let i = scopes.length - 1; i >= 0; i--) {
    const value = scopes[i]!.value;
    if (value !== null && typeof value === 'object' && head! in value) {
      let found: unknown = (value as Record<string, unknown>)[head!];
      for (const key of rest) found = found === null || found === undefined ? undefined : (found as Record<string, unknown>)[key];
      return found;
    }
  }
  return undefined;
}

function truthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : !!value;
}

export type PartialLoader = (name: string) => Node[];

export function render(nodes: readonly Node[], view: unknown, partials: PartialLoader, name = 'template'): string {
  const out: string[] = [];
  const walk = (list: readonly Node[], scopes: Scope[]): void => {
    for (const node of list) {
      switch (node.kind) {
        case 'text':
          out.push(node.text);
          break;
        case 'value': {
          const value = lookup(scopes, node.path);
          if (node.raw) {
            if (value === undefined || value === null) break;
            if (typeof value !== 'object' || !('trustedHtml' in value)) throw new TemplateError(name, `{{{${node.path}}}} is not trusted HTML`);
            out.push((value as TrustedHtml).trustedHtml);
          } else if (value !== undefined && value !== null) {
            out.push(escapeHtml(String(value)));
          }
          break;
        }
        case 'each': {
          const items = lookup(scopes, node.path);
          if (items !== undefined && items !== null && !Array.isArray(items)) throw new TemplateError(name, `{{#each ${node.path}}} is not a list`);
          if (!items || items.length === 0) walk(node.otherwise, scopes);
          else items.forEach((item, index) => walk(node.body, [...scopes, { value: item, index }]));
          break;
        }
        case 'if':
        case 'unless':
          walk(truthy(lookup(scopes, node.path)) === (node.kind === 'if') ? node.body : node.otherwise, scopes);
          break;
        case 'partial':
          walk(partials(node.name), scopes);
          break;
      }
    }
  };
  walk(nodes, [{ value: view }]);
  return out.join('');
}
