// A small, tolerant XML reader for the parts of OOXML packages we read (word/document.xml,
// numbering.xml, xl/worksheets/*.xml, sharedStrings.xml). Namespaces are kept as written
// (`w:p`, `w:tc`); declarations, comments and processing instructions are skipped. Pure code:
// runs in the browser, in Node and in tests alike (no DOMParser in Node).

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decode character references; unknown named ones stay as written. */
export function decodeEntities(s: string, named: Record<string, string> = NAMED): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z][a-zA-Z0-9]*);/g, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return named[ref] ?? named[ref.toLowerCase()] ?? m;
  });
}

const ATTR_RE = /([^\s=/>]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

export function parseAttrs(s: string, named?: Record<string, string>): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of s.matchAll(ATTR_RE)) attrs[m[1]!] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '', named);
  return attrs;
}

/** Parse an XML document into its root element (a synthetic `#document` holding the top level). */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const top = stack[stack.length - 1]!;
    if (lt < 0) {
      top.children.push(decodeEntities(xml.slice(i)));
      break;
    }
    if (lt > i) top.children.push(decodeEntities(xml.slice(i, lt)));
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      i = end < 0 ? xml.length : end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      top.children.push(xml.slice(lt + 9, end < 0 ? xml.length : end));
      i = end < 0 ? xml.length : end + 3;
    } else if (xml[lt + 1] === '?' || xml[lt + 1] === '!') {
      const end = xml.indexOf('>', lt);
      i = end < 0 ? xml.length : end + 1;
    } else {
      const end = xml.indexOf('>', lt);
      if (end < 0) break;
      const body = xml.slice(lt + 1, end);
      i = end + 1;
      if (body[0] === '/') {
        const name = body.slice(1).trim();
        for (let k = stack.length - 1; k > 0; k--) {
          if (stack[k]!.name === name) {
            stack.length = k;
            break;
          }
        }
        continue;
      }
      const selfClosing = body.endsWith('/');
      const inner = selfClosing ? body.slice(0, -1) : body;
      const sp = inner.search(/\s/);
      const el: XmlElement = {
        name: sp < 0 ? inner : inner.slice(0, sp),
        attrs: sp < 0 ? {} : parseAttrs(inner.slice(sp)),
        children: [],
      };
      top.children.push(el);
      if (!selfClosing) stack.push(el);
    }
  }
  return root;
}

export function isElement(n: XmlNode | undefined): n is XmlElement {
  return typeof n === 'object' && n !== null;
}

/** Direct children with this name. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => isElement(c) && c.name === name);
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c): c is XmlElement => isElement(c) && c.name === name);
}

/** Depth-first search for the first descendant with this name. */
export function descendant(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) {
    if (!isElement(c)) continue;
    if (c.name === name) return c;
    const d = descendant(c, name);
    if (d) return d;
  }
  return undefined;
}

/** Every descendant with this name, in document order (not descending into matches). */
export function descendants(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (!isElement(c)) continue;
    if (c.name === name) out.push(c);
    else descendants(c, name, out);
  }
  return out;
}
