// Markdown for CDS Hooks card details and case notes: the subset those texts use, rendered to DOM
// nodes built one by one (never innerHTML), then checked against an allowlist.
//
// Why our own renderer: card details quote procedure notes, and a note is data we do not control.
// Here nothing from the text can become markup: raw HTML stays text, a link is kept only when its
// target is http(s), mailto or a same-site path, and images become their alt text (nothing is
// fetched). The page's Content-Security-Policy is the second wall.
//
// Supported: paragraphs, ATX headings (# .. ######), bullet and numbered lists (nested by
// indentation), block quotes, fenced code, thematic breaks (---), hard line breaks, and inline
// **strong**, *emphasis*, `code`, [links](url), <autolinks>, backslash escapes and character
// references. Not supported (shown as text): raw HTML, tables, setext headings, reference links.
//
// parse(markdown) returns a plain tree ({tag, attrs, children} and {text}) and has no DOM
// dependency, so it can be tested in Node; toFragment(tree, document) builds the DOM.

const MAX_DEPTH = 8;
const MAX_INPUT = 200_000;

/** Elements the renderer may produce, and the attributes each may carry. */
export const ALLOWED = Object.freeze({
  p: [], h4: [], h5: [], h6: [], ul: [], ol: ['start'], li: [], blockquote: [], pre: [],
  code: [], hr: [], br: [], strong: [], em: [], a: ['href'],
});

const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * A link target that is safe to follow: http(s), mailto, or a path on this site. Returns the URL
 * to use, or null. Control characters and whitespace inside the scheme (a classic way to hide
 * "javascript:") make it unsafe.
 */
export function safeHref(raw) {
  if (typeof raw !== 'string') return null;
  const url = raw.trim();
  if (url === '' || /[\u0000-\u001f\u007f\s]/.test(url)) return null;
  if (url.startsWith('#')) return url;
  if (url.startsWith('/')) return url.startsWith('//') || url.startsWith('/\\') ? null : url;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  if (!scheme) return null; // a bare relative path: ambiguous in a card, refused
  const name = scheme[1].toLowerCase();
  if (name === 'http' || name === 'https') {
    return /^https?:\/\/[^/?#\\]+/i.test(url) ? url : null;
  }
  if (name === 'mailto') return url;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Blocks

/** Parses Markdown into a tree of block nodes. */
export function parse(markdown, options = {}) {
  const headingBase = options.headingBase ?? 4;
  let text = typeof markdown === 'string' ? markdown : '';
  if (text.length > MAX_INPUT) text = text.slice(0, MAX_INPUT);
  const lines = text.replace(/\r\n?/g, '\n').replace(/\u0000/g, '\uFFFD').split('\n');
  return blocks(lines, 0, headingBase);
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const BULLET = /^( {0,3})([-*+])([ \t]+)(.*)$/;
const ORDERED = /^( {0,3})(\d{1,9})([.)])([ \t]+)(.*)$/;

function isBlank(line) {
  return /^[ \t]*$/.test(line);
}

function startsBlock(line) {
  return FENCE.test(line) || HEADING.test(line) || BREAK.test(line) || QUOTE.test(line)
    || BULLET.test(line) || ORDERED.test(line);
}

function blocks(lines, depth, headingBase) {
  const out = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (isBlank(line)) { i++; continue; }

    let m = FENCE.exec(line);
    if (m) {
      const fence = m[1];
      const body = [];
      i++;
      while (i < lines.length && !new RegExp(`^ {0,3}${fence[0]}{${fence.length},}[ \\t]*$`).test(lines[i])) {
        body.push(lines[i]);
        i++;
      }
      i++; // the closing fence (or the end)
      out.push(el('pre', {}, [el('code', {}, [txt(body.join('\n'))])]));
      continue;
    }
    if (BREAK.test(line)) { out.push(el('hr')); i++; continue; }
    m = HEADING.exec(line);
    if (m) {
      const level = Math.min(6, headingBase + m[1].length - 1);
      out.push(el(`h${level}`, {}, inline(m[2] ?? '', depth)));
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const body = [];
      while (i < lines.length && !isBlank(lines[i])) {
        const q = QUOTE.exec(lines[i]);
        body.push(q ? q[1] : lines[i]); // a line without '>' continues the quote (lazily)
        i++;
      }
      out.push(el('blockquote', {}, depth >= MAX_DEPTH
        ? [el('p', {}, [txt(body.join(' '))])]
        : blocks(body, depth + 1, headingBase)));
      continue;
    }
    if (BULLET.test(line) || ORDERED.test(line)) {
      const { node, next } = list(lines, i, depth, headingBase);
      out.push(node);
      i = next;
      continue;
    }
    // A paragraph: up to a blank line or the start of another block.
    const body = [line];
    i++;
    while (i < lines.length && !isBlank(lines[i]) && !startsBlock(lines[i])) {
      body.push(lines[i]);
      i++;
    }
    out.push(el('p', {}, inline(body.join('\n'), depth)));
  }
  return out;
}

function sameList(line, ordered, marker) {
  const m = ordered ? ORDERED.exec(line) : BULLET.exec(line);
  return Boolean(m) && (ordered ? m[3] : m[2]) === marker;
}

function list(lines, start, depth, headingBase) {
  const first = BULLET.exec(lines[start]);
  const ordered = !first;
  const head = ordered ? ORDERED.exec(lines[start]) : first;
  const marker = ordered ? head[3] : head[2];
  const items = [];
  let i = start;
  let loose = false;
  while (i < lines.length && sameList(lines[i], ordered, marker)) {
    const m = ordered ? ORDERED.exec(lines[i]) : BULLET.exec(lines[i]);
    const indent = ordered
      ? m[1].length + m[2].length + 1 + Math.min(m[4].length, 4)
      : m[1].length + 1 + Math.min(m[3].length, 4);
    const body = [ordered ? m[5] : m[4]];
    i++;
    let sawBlank = false;
    while (i < lines.length) {
      const line = lines[i];
      if (isBlank(line)) { sawBlank = true; body.push(''); i++; continue; }
      const lead = /^[ \t]*/.exec(line)[0].replace(/\t/g, '    ').length;
      if (lead >= 2) {
        // Indented: part of this item (a nested list, a second paragraph).
        body.push(' '.repeat(Math.max(0, lead - indent)) + line.replace(/^[ \t]*/, ''));
        i++;
        continue;
      }
      if (!sawBlank && !startsBlock(line)) { body.push(line); i++; continue; } // lazy continuation
      break;
    }
    while (body.length && body[body.length - 1] === '') body.pop();
    // Blank lines between items, or inside one, make a loose list (items are paragraphs).
    if (body.includes('') || (sawBlank && i < lines.length && sameList(lines[i], ordered, marker))) {
      loose = true;
    }
    items.push(body);
  }
  const children = items.map((body) => {
    const content = depth >= MAX_DEPTH
      ? [el('p', {}, [txt(body.join(' '))])]
      : blocks(body, depth + 1, headingBase);
    // A tight list shows its items' paragraphs as plain lines.
    const unwrapped = loose ? content : content.flatMap((n) => (n.tag === 'p' ? n.children : [n]));
    return el('li', {}, unwrapped);
  });
  const attrs = {};
  if (ordered && head[2] !== '1') attrs.start = String(Number(head[2]));
  return { node: el(ordered ? 'ol' : 'ul', attrs, children), next: i };
}

// ---------------------------------------------------------------------------------------------
// Inlines
//
// Written to stay linear on hostile input: sticky regular expressions instead of slices, bounded
// link labels, and a remembered "no closer after here" for code spans and emphasis.

const MAX_LABEL = 1000;
const STICKY = {
  backticks: /`+/y,
  entity: /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/y,
  autolink: /<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)>/y,
  destination: /[ \t\n]*(?:<([^<>\n]*)>|((?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*))(?:[ \t\n]+("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'))?[ \t\n]*\)/y,
};

function sticky(name, source, at) {
  const re = STICKY[name];
  re.lastIndex = at;
  return re.exec(source);
}

function inline(source, depth) {
  return new Inline(source).run(0, source.length, depth);
}

class Inline {
  constructor(source) {
    this.source = source;
    this.noCodeClose = new Map(); // run length -> position from which no closing run exists
    this.noEmphasisClose = new Map(); // delimiter -> position from which no closer exists
  }

  run(from, to, depth) {
    const source = this.source;
    const nodes = [];
    let buffer = '';
    const flush = () => { if (buffer) { nodes.push(txt(buffer)); buffer = ''; } };
    // Spaces just before a line break, counted in the source: reading the end of a long buffer
    // would flatten it again and again.
    const spacesBefore = (at) => {
      let n = 0;
      while (at - 1 - n >= from && source[at - 1 - n] === ' ' && n < buffer.length) n++;
      return n;
    };
    let i = from;
    while (i < to) {
      const c = source[i];
      if (c === '\\') {
        const next = i + 1 < to ? source[i + 1] : undefined;
        if (next === '\n') { flush(); nodes.push(el('br')); i += 2; continue; }
        if (next !== undefined && PUNCTUATION.test(next)) { buffer += next; i += 2; continue; }
        buffer += c; i++; continue;
      }
      if (c === '\n') {
        // Two trailing spaces make a hard break; otherwise a line break is a space.
        const spaces = spacesBefore(i);
        if (spaces >= 2) {
          buffer = buffer.slice(0, buffer.length - spaces);
          flush();
          nodes.push(el('br'));
        } else if (spaces === 0) {
          buffer += ' ';
        } // one space already stands for the break
        i++;
        while (i < to && source[i] === ' ') i++;
        continue;
      }
      if (c === '`') {
        const run = sticky('backticks', source, i)[0].length;
        const close = this.codeClose(i + run, run, to);
        if (close >= 0) {
          flush();
          let code = source.slice(i + run, close).replace(/\n/g, ' ');
          if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') code = code.slice(1, -1);
          nodes.push(el('code', {}, [txt(code)]));
          i = close + run;
          continue;
        }
        buffer += source.slice(i, i + run); i += run; continue;
      }
      if (c === '&') {
        const m = sticky('entity', source, i);
        if (m && m.index + m[0].length <= to) {
          const decoded = m[1] ? fromCodePoint(Number(m[1]))
            : m[2] ? fromCodePoint(parseInt(m[2], 16)) : ENTITIES[m[3]];
          if (decoded !== undefined) { buffer += decoded; i += m[0].length; continue; }
        }
        buffer += c; i++; continue;
      }
      if (c === '<') {
        const m = sticky('autolink', source, i);
        if (m && i + m[0].length <= to) {
          const href = safeHref(m[1]);
          flush();
          nodes.push(href ? el('a', { href }, [txt(m[1])]) : txt(m[1]));
          i += m[0].length;
          continue;
        }
        buffer += c; i++; continue; // raw HTML is text
      }
      if (c === '!' && source[i + 1] === '[') {
        const link = this.link(i + 1, to);
        if (link) {
          // Images are never fetched: their alt text stands in.
          flush();
          nodes.push(txt(plainText(source.slice(link.labelFrom, link.labelTo))));
          i = link.end;
          continue;
        }
      }
      if (c === '[') {
        const link = this.link(i, to);
        if (link) {
          flush();
          const label = depth >= MAX_DEPTH
            ? [txt(plainText(source.slice(link.labelFrom, link.labelTo)))]
            : this.run(link.labelFrom, link.labelTo, depth + 1);
          const href = safeHref(link.url);
          nodes.push(...(href ? [el('a', { href }, stripLinks(label))] : label));
          i = link.end;
          continue;
        }
      }
      if (c === '*' || c === '_') {
        const span = this.emphasis(i, to, depth);
        if (span) { flush(); nodes.push(span.node); i = span.end; continue; }
        let j = i;
        while (j < to && source[j] === c) j++;
        buffer += source.slice(i, j); i = j; continue;
      }
      buffer += c;
      i++;
    }
    flush();
    return nodes;
  }

  /** Where a run of exactly `length` backticks starts at or after `from`, or -1. */
  codeClose(from, length, to) {
    const known = this.noCodeClose.get(length);
    if (known !== undefined && from >= known) return -1;
    const source = this.source;
    let i = from;
    while (i < to) {
      const at = source.indexOf('`', i);
      if (at < 0 || at >= to) break;
      let end = at;
      while (end < to && source[end] === '`') end++;
      if (end - at === length) return at;
      i = end;
    }
    if (to === source.length) this.noCodeClose.set(length, from);
    return -1;
  }

  /** [label](url "title") with source[start] === '['; null when it is not one. */
  link(start, to) {
    const source = this.source;
    let depth = 0;
    let i = start;
    const limit = Math.min(to, start + MAX_LABEL);
    for (; i < limit; i++) {
      const c = source[i];
      if (c === '\\') { i++; continue; }
      if (c === '[') depth++;
      if (c === ']') { depth--; if (depth === 0) break; }
    }
    if (depth !== 0 || i >= limit || source[i + 1] !== '(') return null;
    const m = sticky('destination', source, i + 2);
    if (!m || i + 2 + m[0].length > to) return null;
    const url = (m[1] ?? m[2] ?? '').replace(/\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])/g, '$1');
    return { labelFrom: start + 1, labelTo: i, url, end: i + 2 + m[0].length };
  }

  /** **strong** / __strong__ / *em* / _em_ at source[i]; null when no closing run fits. */
  emphasis(i, to, depth) {
    if (depth >= MAX_DEPTH) return null;
    const source = this.source;
    const c = source[i];
    const double = source[i + 1] === c;
    // An underscore inside a word is a character (snake_case), not emphasis.
    if (c === '_' && i > 0 && /[\p{L}\p{N}]/u.test(source[i - 1])) return null;
    for (const size of double ? [2, 1] : [1]) {
      const after = source[i + size];
      if (after === undefined || i + size >= to || /\s/.test(after)) continue;
      const key = c.repeat(size);
      const known = this.noEmphasisClose.get(key);
      const from = i + size + 1;
      if (known !== undefined && from >= known) continue;
      let j = from;
      while (j < to) {
        const at = source.indexOf(key, j);
        if (at < 0 || at + size > to) break;
        const before = source[at - 1];
        const next = source[at + size];
        const closes = before !== '\\' && !/\s/.test(before)
          && (size === 2 || next !== c)
          && (c !== '_' || next === undefined || !/[\p{L}\p{N}]/u.test(next));
        if (closes) {
          return { node: el(size === 2 ? 'strong' : 'em', {}, this.run(i + size, at, depth + 1)), end: at + size };
        }
        j = at + 1;
      }
      if (to === source.length) this.noEmphasisClose.set(key, from);
    }
    return null;
  }
}

function fromCodePoint(n) {
  if (n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(n);
}

function stripLinks(nodes) {
  return nodes.flatMap((n) => (n.tag === 'a' ? stripLinks(n.children) : n.children ? [{ ...n, children: stripLinks(n.children) }] : [n]));
}

function plainText(markdown) {
  return markdown.replace(/\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])/g, '$1');
}

function el(tag, attrs = {}, children = []) {
  return { tag, attrs, children };
}

function txt(text) {
  return { text };
}

// ---------------------------------------------------------------------------------------------
// DOM

/**
 * Builds DOM nodes from a parsed tree. Every element is checked against ALLOWED (an element that
 * is not allowed becomes its text) and every link target against safeHref, whatever built the tree.
 */
export function toFragment(tree, doc) {
  const fragment = doc.createDocumentFragment();
  for (const node of tree) fragment.appendChild(build(node, doc));
  return fragment;
}

function build(node, doc) {
  if (node.text !== undefined) return doc.createTextNode(String(node.text));
  const allowed = Object.prototype.hasOwnProperty.call(ALLOWED, node.tag) ? ALLOWED[node.tag] : null;
  if (!allowed) {
    const fragment = doc.createDocumentFragment();
    for (const child of node.children ?? []) fragment.appendChild(build(child, doc));
    return fragment;
  }
  const element = doc.createElement(node.tag);
  for (const name of allowed) {
    const value = node.attrs?.[name];
    if (value === undefined) continue;
    if (name === 'href') {
      const href = safeHref(value);
      if (!href) continue;
      element.setAttribute('href', href);
      if (!href.startsWith('#')) {
        element.setAttribute('target', '_blank');
        element.setAttribute('rel', 'noopener noreferrer');
      }
    } else if (name === 'start') {
      if (/^\d{1,9}$/.test(value)) element.setAttribute('start', value);
    }
  }
  for (const child of node.children ?? []) element.appendChild(build(child, doc));
  return element;
}

/** Markdown to a DocumentFragment, in one call. */
export function renderMarkdown(markdown, doc, options) {
  return toFragment(parse(markdown, options), doc);
}
