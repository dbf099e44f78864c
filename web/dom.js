// Builds DOM from data without ever parsing data as HTML: every string becomes a text node.
// Used by every view; the injection test (tests/web/injection.test.js) checks that it holds.

// el('a', {href: '#/x', class: 'y'}, 'text', childNode, [more]) → a new element.
// Props: 'class' sets className, functions under 'on…' become listeners, null/false are skipped,
// everything else is an attribute. Children: nodes, strings (as text), arrays, null (skipped).
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  appendChildren(node, children);
  return node;
}

export function appendChildren(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));  // append() makes strings text nodes
  }
  return node;
}

// A link to an address outside the page, only for http(s): an article's url could be "javascript:…".
export function externalLink(url, label) {
  let parsed = null;
  try { parsed = new URL(url); } catch { /* not an absolute URL: shown as text */ }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return el('span', {}, label ?? url);
  return el('a', {href: parsed.href, rel: 'noopener noreferrer', target: '_blank'}, label ?? url);
}

// The first `limit` nodes, and the rest folded in a <details> ("12 more articles"), so that a story
// of many articles stays readable. Nodes must be allowed inside a <details> (not <li>).
export function folded(nodes, limit, noun) {
  if (nodes.length <= limit + 1) return nodes;
  return [...nodes.slice(0, limit),
    el('details', {class: 'more'}, el('summary', {}, `${nodes.length - limit} more ${noun}`), nodes.slice(limit))];
}
