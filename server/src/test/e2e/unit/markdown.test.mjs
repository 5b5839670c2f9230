// Unit tests of the card Markdown renderer (static/ui/markdown.js), run by `node --test unit/`.
// The tree is serialised to HTML-like text to compare; the browser test renders it for real.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, safeHref, ALLOWED } from '../../../main/resources/static/ui/markdown.js';

function html(nodes) {
  return nodes.map((n) => {
    if (n.text !== undefined) return n.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const attrs = Object.entries(n.attrs ?? {}).map(([k, v]) => ` ${k}="${v}"`).join('');
    return n.tag === 'hr' || n.tag === 'br' ? `<${n.tag}>` : `<${n.tag}${attrs}>${html(n.children)}</${n.tag}>`;
  }).join('');
}

const md = (text, options) => html(parse(text, options));

function tags(nodes, into = new Set()) {
  for (const n of nodes) {
    if (n.tag) { into.add(n.tag); tags(n.children ?? [], into); }
  }
  return into;
}

test('renders what our card details are made of', () => {
  const detail = [
    'The procedure note does not give the balloon diameter\\.',
    '',
    '**What was seen**',
    '',
    '- Procedure/p1, note: “dilated with a balloon”',
    '- DocumentReference/n1: (nothing found)',
    '',
    '---',
    '',
    '**Policy source:** [CMS NCCI Policy Manual, Chapter VI](https://www.cms.gov/ncci) (stated by a public source)',
    '',
    'Rule doc-balloon-diameter, rule pack 2024\\.3\\.',
  ].join('\n');
  assert.equal(md(detail),
    '<p>The procedure note does not give the balloon diameter.</p>'
    + '<p><strong>What was seen</strong></p>'
    + '<ul><li>Procedure/p1, note: “dilated with a balloon”</li><li>DocumentReference/n1: (nothing found)</li></ul>'
    + '<hr>'
    + '<p><strong>Policy source:</strong> <a href="https://www.cms.gov/ncci">CMS NCCI Policy Manual, Chapter VI</a> (stated by a public source)</p>'
    + '<p>Rule doc-balloon-diameter, rule pack 2024.3.</p>');
});

test('keeps raw HTML as text: script, img onerror, iframes, event handlers', () => {
  const hostile = '<script>window.__pwned = 1</script>\n\n<img src=x onerror="window.__pwned=1"> <iframe src="https://evil.example"></iframe> <b onmouseover=alert(1)>x</b>';
  const tree = parse(hostile);
  assert.deepEqual([...tags(tree)], ['p']);
  assert.match(md(hostile), /&lt;script&gt;window.__pwned = 1&lt;\/script&gt;/);
  assert.match(md(hostile), /&lt;img src=x onerror="window.__pwned=1"&gt;/);
});

test('drops links whose target is not http(s), mailto or a path here, keeping their text', () => {
  for (const target of [
    'javascript:window.__pwned=1', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)',
    'java&#x09;script:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)',
    '//evil.example/x', '/\\evil.example', 'file:///etc/passwd', 'relative/path', 'https:evil',
  ]) {
    const out = md(`[click me](${target})`);
    assert.ok(!out.includes('<a'), `${target} -> ${out}`);
    assert.ok(out.includes('click me'), `${target} -> ${out}`);
  }
  assert.equal(md('<javascript:alert(1)>'), '<p>javascript:alert(1)</p>');
  assert.equal(md('[a](<javascript:alert(1)>)'), '<p>a</p>');
});

test('keeps safe links', () => {
  assert.equal(md('[rule](https://example.org/docs#x "t")'), '<p><a href="https://example.org/docs#x">rule</a></p>');
  assert.equal(md('[here](/rules/doc-balloon-diameter)'), '<p><a href="/rules/doc-balloon-diameter">here</a></p>');
  assert.equal(md('<https://example.org/a>'), '<p><a href="https://example.org/a">https://example.org/a</a></p>');
  assert.equal(md('[mail](mailto:coding@example.org)'), '<p><a href="mailto:coding@example.org">mail</a></p>');
});

test('never fetches an image: the alt text stands in', () => {
  assert.equal(md('![tracking pixel](https://evil.example/p.png)'), '<p>tracking pixel</p>');
  assert.equal(md('![x](javascript:alert(1))'), '<p>x</p>');
});

test('escapes, entities and code spans show their characters as text', () => {
  assert.equal(md('\\<b\\> \\*not em\\* \\[not a link\\](x)'), '<p>&lt;b&gt; *not em* [not a link](x)</p>');
  assert.equal(md('&lt;script&gt; &amp; &#60;img&#x3e; &bogus; &#0;'), '<p>&lt;script&gt; &amp; &lt;img&gt; &amp;bogus; \uFFFD</p>');
  assert.equal(md('`<script>alert(1)</script>`'), '<p><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></p>');
  assert.equal(md('``a ` b``'), '<p><code>a ` b</code></p>');
});

test('emphasis, strong and snake_case', () => {
  assert.equal(md('**bold** and *em* and _em_ and __bold__'), '<p><strong>bold</strong> and <em>em</em> and <em>em</em> and <strong>bold</strong></p>');
  assert.equal(md('a snake_case_name stays'), '<p>a snake_case_name stays</p>');
  assert.equal(md('2 * 3 * 4'), '<p>2 * 3 * 4</p>');
  assert.equal(md('**unclosed'), '<p>**unclosed</p>');
});

test('lists: nested, ordered with a start, loose', () => {
  assert.equal(md('- a\n  - b\n  - c\n- d'), '<ul><li>a<ul><li>b</li><li>c</li></ul></li><li>d</li></ul>');
  assert.equal(md('3. three\n4. four'), '<ol start="3"><li>three</li><li>four</li></ol>');
  assert.equal(md('- a\n\n- b'), '<ul><li><p>a</p></li><li><p>b</p></li></ul>');
  assert.equal(md('- a\ncontinued'), '<ul><li>a continued</li></ul>');
});

test('headings start at h4 inside a card, quotes, code blocks, breaks', () => {
  assert.equal(md('# Title\n## Sub'), '<h4>Title</h4><h5>Sub</h5>');
  assert.equal(md('# Title', { headingBase: 2 }), '<h2>Title</h2>'.replace('h2', 'h2'));
  assert.equal(md('> quoted\n> more'), '<blockquote><p>quoted more</p></blockquote>');
  assert.equal(md('```\n<b>x</b>\n```'), '<pre><code>&lt;b&gt;x&lt;/b&gt;</code></pre>');
  assert.equal(md('line one  \nline two'), '<p>line one<br>line two</p>');
});

test('hostile shapes end: deep nesting, huge input, unclosed constructs', () => {
  const deep = '>'.repeat(5000) + ' x';
  assert.ok(md(deep).includes('x'));
  const nested = Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
  assert.ok(md(nested).includes('item 299'));
  const brackets = '['.repeat(20000) + 'x';
  assert.ok(md(brackets).endsWith('x</p>'));
  const stars = '*a '.repeat(20000);
  assert.ok(md(stars).length > 0);
  const huge = 'word '.repeat(100000);
  assert.ok(md(huge).length <= 200_010 + 20);
});

test('stays fast on inputs built to make parsers backtrack', () => {
  const started = Date.now();
  for (const unit of ['*a ', '_a ', '`a ', '![a ', '[a](b ', '<a ', '&a ', 'a  \n', 'a \n', '**a ']) {
    parse(unit.repeat(40000));
  }
  const took = Date.now() - started;
  assert.ok(took < 5000, `took ${took} ms`);
});

test('produces only allowlisted elements and attributes', () => {
  const everything = '# h\n\n> q\n\n- [l](https://x.example) **b** *e* `c`\n1. o\n\n---\n\n```\npre\n```\n<x onload=1>';
  const walk = (nodes) => {
    for (const n of nodes) {
      if (!n.tag) continue;
      assert.ok(Object.hasOwn(ALLOWED, n.tag), n.tag);
      for (const a of Object.keys(n.attrs ?? {})) assert.ok(ALLOWED[n.tag].includes(a), `${n.tag}[${a}]`);
      walk(n.children ?? []);
    }
  };
  walk(parse(everything));
});

test('safeHref', () => {
  assert.equal(safeHref('https://a.example/x'), 'https://a.example/x');
  assert.equal(safeHref('http://127.0.0.1:8080/fhir/Claim/x'), 'http://127.0.0.1:8080/fhir/Claim/x');
  assert.equal(safeHref('/fhir/Claim/x'), '/fhir/Claim/x');
  assert.equal(safeHref('#top'), '#top');
  assert.equal(safeHref('javascript:alert(1)'), null);
  assert.equal(safeHref('\u0001javascript:alert(1)'), null);
  assert.equal(safeHref(null), null);
});
