// HTML (a saved web page, or the clipboard's text/html when a page or a Word table is copied) →
// blocks. A tolerant tree builder for the subset that carries a plan — tables (rowspan/colspan),
// p, br, div, li, headings — written here because Node has no DOM and the browser's DOMParser
// would give the CLI and the import screen two different readings of one page.
import { type Block, type Cell } from './blocks';
import { decodeEntities, parseAttrs } from './xml';

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Array<Node | string>;
}

const ENTITIES: Record<string, string> = {
  lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0', ensp: ' ', emsp: ' ', thinsp: ' ',
  middot: '·', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…',
  times: '×', divide: '÷', deg: '°', plusmn: '±', bull: '•', yen: '¥', copy: '©', reg: '®', rarr: '→', larr: '←',
  sup2: '²', sup3: '³', permil: '‰', laquo: '«', raquo: '»', shy: '',
};

const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr', 'col', 'area', 'base', 'source', 'embed', 'param', 'track', 'keygen']);
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'template']);
const SKIP = new Set(['head', 'script', 'style', 'title', 'noscript', 'template', 'svg', 'select', 'button', 'object', 'iframe']);
const BLOCK = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'header', 'footer',
  'blockquote', 'pre', 'hr', 'form', 'center', 'address', 'figure', 'figcaption', 'nav', 'main', 'aside', 'caption', 'body', 'html',
]);
/** Elements an implicitly closed tag may not be closed across. */
const SCOPE = new Set(['table', 'td', 'th', 'body', 'html', '#root']);

function parseHtmlTree(html: string): Node {
  const root: Node = { name: '#root', attrs: {}, children: [] };
  const stack: Node[] = [root];
  const top = () => stack[stack.length - 1]!;
  /** Index of the nearest open `names` element, not looking past `boundary` elements. */
  const openIndex = (names: string[], boundary: Set<string>) => {
    for (let k = stack.length - 1; k > 0; k--) {
      if (names.includes(stack[k]!.name)) return k;
      if (boundary.has(stack[k]!.name)) return -1;
    }
    return -1;
  };
  const closeTo = (names: string[], boundary: Set<string>) => {
    const k = openIndex(names, boundary);
    if (k > 0) stack.length = k;
  };
  const re = /<!--[\s\S]*?(?:-->|$)|<![^>]*>|<\?[^>]*>|<\/?([a-zA-Z][a-zA-Z0-9:-]*)([^>]*)>|[^<]+|</g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    const tok = m[0];
    if (!m[1]) {
      if (tok[0] !== '<' || tok === '<') top().children.push(decodeEntities(tok, ENTITIES));
      continue;
    }
    const name = m[1].toLowerCase();
    if (tok[1] === '/') {
      const boundary = name === 'table' ? new Set(['body', 'html', '#root']) : ['td', 'th', 'tr', 'tbody', 'thead', 'tfoot'].includes(name) ? new Set(['table']) : SCOPE;
      if (name === 'br') top().children.push({ name: 'br', attrs: {}, children: [] });
      else closeTo([name], boundary);
      continue;
    }
    const el: Node = { name, attrs: parseAttrs(m[2] ?? '', ENTITIES), children: [] };
    if (name === 'td' || name === 'th') {
      closeTo(['td', 'th'], new Set(['table', 'tr']));
      if (openIndex(['tr'], new Set(['table'])) < 0) {
        const tr: Node = { name: 'tr', attrs: {}, children: [] };
        top().children.push(tr);
        stack.push(tr);
      }
    } else if (name === 'tr') closeTo(['tr'], new Set(['table']));
    else if (['tbody', 'thead', 'tfoot'].includes(name)) closeTo(['tbody', 'thead', 'tfoot'], new Set(['table']));
    else if (name === 'li') closeTo(['li'], new Set(['ul', 'ol', ...SCOPE]));
    else if (BLOCK.has(name) || name === 'table') closeTo(['p'], SCOPE);
    top().children.push(el);
    if (RAW.has(name)) {
      const end = html.toLowerCase().indexOf(`</${name}`, re.lastIndex);
      const stop = end < 0 ? html.length : end;
      el.children.push(html.slice(re.lastIndex, stop));
      re.lastIndex = stop;
      const close = html.indexOf('>', stop);
      re.lastIndex = close < 0 ? html.length : close + 1;
    } else if (!VOID.has(name) && !m[2]?.trimEnd().endsWith('/')) stack.push(el);
  }
  return root;
}

class BlockWriter {
  readonly blocks: Block[] = [];
  private line = '';
  text(s: string, pre: boolean) {
    this.line += pre ? s : s.replace(/[\s]+/g, ' ');
  }
  br() {
    this.line += '\n';
  }
  flush() {
    const text = this.line
      .split('\n')
      .map((l) => l.replace(/[ \u00a0]+/g, ' ').trim())
      .join('\n')
      .replace(/^\n+|\n+$/g, '');
    if (text) this.blocks.push(text);
    this.line = '';
  }
  push(b: Block) {
    this.flush();
    this.blocks.push(b);
  }
}

function rowsOf(table: Node, out: Node[] = []): Node[] {
  for (const c of table.children) {
    if (typeof c === 'string') continue;
    if (c.name === 'tr') out.push(c);
    else if (c.name === 'tbody' || c.name === 'thead' || c.name === 'tfoot') rowsOf(c, out);
  }
  return out;
}

function span(v: string | undefined): number {
  const n = Number.parseInt(v ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

function walk(node: Node, w: BlockWriter, pre: boolean): void {
  for (const c of node.children) {
    if (typeof c === 'string') {
      w.text(c, pre);
      continue;
    }
    if (SKIP.has(c.name)) continue;
    if (c.name === 'br') w.br();
    else if (c.name === 'table') {
      for (const cap of c.children) if (typeof cap !== 'string' && cap.name === 'caption') for (const b of blocksOf(cap)) w.push(b);
      const rows: Cell[][] = rowsOf(c).map((tr) =>
        tr.children
          .filter((td): td is Node => typeof td !== 'string' && (td.name === 'td' || td.name === 'th'))
          .map((td) => ({ blocks: blocksOf(td), colspan: span(td.attrs.colspan), rowspan: span(td.attrs.rowspan) })),
      );
      w.push({ rows });
    } else if (BLOCK.has(c.name) || c.name === 'tr') {
      w.flush();
      walk(c, w, pre || c.name === 'pre');
      w.flush();
    } else walk(c, w, pre);
  }
}

function blocksOf(node: Node): Block[] {
  const w = new BlockWriter();
  walk(node, w, false);
  w.flush();
  return w.blocks;
}

export function htmlBlocks(html: string): Block[] {
  return blocksOf(parseHtmlTree(html));
}

/**
 * True when a text is an HTML document (a saved page, an “Excel” export that is an HTML table).
 * Only a document's own start counts: plan text copied from OCR tools carries stray <p>/<td>
 * tags inside plain lines, and must stay plain text.
 */
export function looksLikeHtml(text: string): boolean {
  return /^(?:\s|<!--[\s\S]*?-->)*<(?:!doctype html|html|head|body|meta|table)[\s>]/i.test(text.slice(0, 4000));
}
