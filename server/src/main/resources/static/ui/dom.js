// Small DOM helpers. Text is always set as text (never parsed as HTML): h() takes strings as text
// nodes, and there is no way here to set innerHTML.

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Creates an element. `props`: attributes by name (false/null/undefined are left out, true is an
 * empty attribute), plus `on` (event handlers by type) and `dataset`. Children: nodes, strings
 * (text), arrays, and null/false (skipped).
 */
export function h(tag, props = {}, ...children) {
  return fill(document.createElement(tag), props, children);
}

/** The same for SVG elements. */
export function s(tag, props = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), props, children);
}

function fill(element, props, children) {
  for (const [name, value] of Object.entries(props ?? {})) {
    if (name === 'on') {
      for (const [type, handler] of Object.entries(value)) element.addEventListener(type, handler);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else if (value !== false && value !== null && value !== undefined) {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

/** Appends children (nodes, strings as text, arrays; null and false skipped). */
export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces an element's content. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** Pretty JSON for display; text that is not JSON is shown as it is. */
export function pretty(value) {
  if (typeof value === 'string') {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      return value;
    }
  }
  return JSON.stringify(value, null, 2);
}

/** A number with thousands separators. */
export function count(n) {
  return new Intl.NumberFormat('en-US').format(n);
}

/** n as a percentage of total ("—" when total is 0). */
export function percent(n, total) {
  return total > 0 ? `${Math.round((100 * n) / total)}%` : '—';
}
