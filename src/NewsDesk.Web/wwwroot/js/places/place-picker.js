// Gazetteer type-ahead for a form's place field: as the editor types, GET /api/places?q= lists matching towns;
// choosing one (click, or arrows and Enter) fills the place, admin regions, country, coordinates and geo precision.
// Fields are found by the suffix of their id ("Form_Location", "Form_Admin1" ...), so any form prefix works.
const fields = ["Admin1", "Admin2", "Country", "Latitude", "Longitude", "GeoPrecision"];

for (const picker of document.querySelectorAll(".place-picker")) {
  const input = picker.querySelector("input");
  const list = picker.querySelector(".place-suggestions");
  const prefix = input.id.slice(0, -"Location".length);
  const url = picker.dataset.placesUrl;
  let places = [];
  let active = -1;
  let timer = 0;
  let asked = "";

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    active = -1;
  };

  const render = () => {
    list.replaceChildren(...places.map((place, index) => {
      const item = document.createElement("li");
      item.className = "list-group-item list-group-item-action place-suggestion" + (index === active ? " active" : "");
      item.setAttribute("role", "option");
      item.dataset.index = String(index);
      item.textContent = [place.name, place.admin2, place.admin1, place.country].filter(Boolean).join(", ");
      return item;
    }));
    list.hidden = places.length === 0;
    input.setAttribute("aria-expanded", String(!list.hidden));
  };

  const choose = (place) => {
    input.value = place.name;
    const values = { Admin1: place.admin1, Admin2: place.admin2, Country: place.country, Latitude: place.latitude, Longitude: place.longitude, GeoPrecision: place.geoPrecision };
    for (const name of fields) {
      const field = document.getElementById(prefix + name);
      if (field) field.value = values[name] ?? "";
    }
    close();
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
    const response = await fetch(`${url}?q=${encodeURIComponent(q)}&limit=8`, { headers: { Accept: "application/json" } });
    if (!response.ok || q !== input.value.trim()) return;
    places = await response.json();
    active = -1;
    render();
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(search, 120);
  });
  input.addEventListener("keydown", (event) => {
    if (list.hidden) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : places.length - 1)) % places.length;
      render();
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      choose(places[active]);
    } else if (event.key === "Escape") {
      close();
    }
  });
  list.addEventListener("mousedown", (event) => {
    const item = event.target.closest(".place-suggestion");
    if (item) {
      event.preventDefault();
      choose(places[Number(item.dataset.index)]);
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
}
