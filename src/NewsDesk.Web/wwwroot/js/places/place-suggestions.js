// Gazetteer type-ahead on one text field: as the editor types, GET /api/places?q= lists matching towns under it;
// choosing one (click, or arrows and Enter) calls onChoose with the place (name, admin1, admin2, country, latitude,
// longitude, geoPrecision). Used by the incident form (place-picker.js) and the tag panel (annotate/record-details.js).

/** Wires input and list (an empty <ul>) to url; returns nothing, the listeners live as long as the elements. */
export function attachPlaceSuggestions({ input, list, url = '/api/places', onChoose }) {
  let places = [];
  let active = -1;
  let timer = 0;
  let asked = '';

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };

  const render = () => {
    list.replaceChildren(...places.map((place, index) => {
      const item = document.createElement('li');
      item.className = 'list-group-item list-group-item-action place-suggestion' + (index === active ? ' active' : '');
      item.setAttribute('role', 'option');
      item.dataset.index = String(index);
      item.textContent = [place.name, place.admin2, place.admin1, place.country].filter(Boolean).join(', ');
      return item;
    }));
    list.hidden = places.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
  };

  const choose = (place) => {
    input.value = place.name;
    close();
    onChoose(place);
  };

  const search = async () => {
    const q = input.value.trim();
    if (q === asked) return;
    asked = q;
    if (q.length < 2) {
      places = [];
      render();
      return;
    }
    const response = await fetch(`${url}?q=${encodeURIComponent(q)}&limit=8`, { headers: { Accept: 'application/json' } });
    if (!response.ok || q !== input.value.trim()) return;
    places = await response.json();
    active = -1;
    render();
  };

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  if (list.id) input.setAttribute('aria-controls', list.id);
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, 120);
  });
  input.addEventListener('keydown', (event) => {
    if (list.hidden) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      event.stopPropagation(); // the panel's own keys (Alt+digit, Enter to save) stay out of the list
      active = (active + (event.key === 'ArrowDown' ? 1 : places.length - 1)) % places.length;
      render();
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      event.stopPropagation();
      choose(places[active]);
    } else if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  });
  list.addEventListener('mousedown', (event) => {
    const item = event.target.closest('.place-suggestion');
    if (item) {
      event.preventDefault();
      choose(places[Number(item.dataset.index)]);
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
}
