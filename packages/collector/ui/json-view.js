// Renders JSON as DOM nodes (never innerHTML: event data is untrusted), highlighting the
// subtrees whose paths are listed in `errorPaths` (e.g. a bad row's failure).

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function scalar(value) {
  if (value === null) return el('span', 'z', 'null');
  if (typeof value === 'string') return el('span', 's', JSON.stringify(value));
  if (typeof value === 'number') return el('span', 'n', String(value));
  if (typeof value === 'boolean') return el('span', 'b', String(value));
  return el('span', 'z', String(value));
}

function render(value, path, indent, errorPaths) {
  const wrapper = errorPaths.has(path)
    ? el('span', 'json-error')
    : document.createDocumentFragment();
  if (value === null || typeof value !== 'object') {
    wrapper.append(scalar(value));
    return wrapper;
  }
  const isArray = Array.isArray(value);
  const entries = isArray ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  if (entries.length === 0) {
    wrapper.append(isArray ? '[]' : '{}');
    return wrapper;
  }
  const pad = '  '.repeat(indent + 1);
  wrapper.append(isArray ? '[\n' : '{\n');
  entries.forEach(([key, child], index) => {
    wrapper.append(pad);
    if (!isArray) {
      wrapper.append(el('span', 'k', JSON.stringify(key)), ': ');
    }
    wrapper.append(render(child, `${path}/${key}`, indent + 1, errorPaths));
    wrapper.append(index < entries.length - 1 ? ',\n' : '\n');
  });
  wrapper.append('  '.repeat(indent), isArray ? ']' : '}');
  return wrapper;
}

/**
 * A <pre> showing `value` as indented, coloured JSON.
 * @param {unknown} value
 * @param {string[]} errorPaths JSON pointers of subtrees to highlight as errors
 */
export function renderJson(value, errorPaths = []) {
  const pre = el('pre', 'json-panel');
  pre.append(render(value, '', 0, new Set(errorPaths)));
  return pre;
}
