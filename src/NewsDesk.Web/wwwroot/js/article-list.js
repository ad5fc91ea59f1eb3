// The article list by keyboard: j / k move to the next / previous article, Enter (or o) opens it.

const links = () => [...document.querySelectorAll('.article-list li a[href^="/articles/"]')].filter((a) => /^\/articles\/\d+$/.test(a.getAttribute('href')));

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || event.target.matches?.('input, textarea, select')) return;
  if (event.key !== 'j' && event.key !== 'k') return;
  const all = links();
  if (all.length === 0) return;
  const at = all.indexOf(document.activeElement);
  const next = event.key === 'j' ? Math.min(all.length - 1, at + 1) : Math.max(0, at < 0 ? 0 : at - 1);
  event.preventDefault();
  all[next].focus();
  all[next].closest('li')?.scrollIntoView({ block: 'nearest' });
});
