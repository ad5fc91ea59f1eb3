// Small DOM helpers: elements are built with textContent, never innerHTML, so data is always shown as text.

export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'class') element.className = value;
    else if (name === 'text') element.textContent = value;
    else if (name.startsWith('data-')) element.dataset[name.slice(5).replace(/-(\w)/g, (_, c) => c.toUpperCase())] = value;
    else element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

/** Places a floating panel just below a rectangle (viewport coordinates), kept inside the viewport. */
export function placeBelow(panel, rect) {
  panel.hidden = false;
  const width = panel.offsetWidth;
  const left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8));
  panel.style.left = `${left + window.scrollX}px`;
  panel.style.top = `${rect.bottom + window.scrollY + 6}px`;
}
