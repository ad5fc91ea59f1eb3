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

/**
 * Places a floating panel near a rectangle (viewport coordinates) without covering the lines after it, which the
 * reader is about to read: beside the article text when there is room (the side panel's column), else above the
 * selection, else below it. Kept inside the viewport. Positions go through the CSSOM, which the CSP allows.
 */
export function placeNear(panel, rect) {
  panel.hidden = false;
  const width = panel.offsetWidth;
  const height = panel.offsetHeight;
  const viewport = document.documentElement.clientWidth;
  const text = document.getElementById('article-body')?.getBoundingClientRect();
  let left;
  let top;
  if (text && viewport - text.right - 16 >= width) {
    left = text.right + 12;
    top = Math.max(8, Math.min(rect.top - 8, window.innerHeight - height - 8));
  } else if (rect.top - height - 6 >= 0) {
    left = Math.max(8, Math.min(rect.left, viewport - width - 8));
    top = rect.top - height - 6;
  } else {
    left = Math.max(8, Math.min(rect.left, viewport - width - 8));
    top = rect.bottom + 6;
  }
  panel.style.left = `${left + window.scrollX}px`;
  panel.style.top = `${top + window.scrollY}px`;
}
