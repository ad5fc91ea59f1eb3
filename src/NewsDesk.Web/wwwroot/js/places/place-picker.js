// Gazetteer type-ahead for a form's place field (place-suggestions.js): choosing a town fills the place, admin
// regions, country, coordinates and geo precision. Fields are found by the suffix of their id ("Form_Location",
// "Form_Admin1" ...), so any form prefix works.
import { attachPlaceSuggestions } from './place-suggestions.js';

const fields = ['Admin1', 'Admin2', 'Country', 'Latitude', 'Longitude', 'GeoPrecision'];

for (const picker of document.querySelectorAll('.place-picker')) {
  const input = picker.querySelector('input');
  const prefix = input.id.slice(0, -'Location'.length);
  attachPlaceSuggestions({
    input,
    list: picker.querySelector('.place-suggestions'),
    url: picker.dataset.placesUrl,
    onChoose: (place) => {
      const values = { Admin1: place.admin1, Admin2: place.admin2, Country: place.country, Latitude: place.latitude, Longitude: place.longitude, GeoPrecision: place.geoPrecision };
      for (const name of fields) {
        const field = document.getElementById(prefix + name);
        if (field) field.value = values[name] ?? '';
      }
    },
  });
}
