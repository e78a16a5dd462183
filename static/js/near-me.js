/**
 * "Near me": the phone's position is asked for only when the person taps the button, is used on
 * this page to measure and sort the results, and is never sent anywhere. Each result card carries
 * its locations' coordinates (data-geo), from the server or from the saved directory.
 */
import { distanceKm } from './filters.js';
import { formatUnit } from './status-line.js';

/** "1.2 km", "350 m" in the reader's language, as web/pages.format_distance says it. */
export function nearMeDistance(km) {
  const meters = Math.max(50, Math.round(km * 100) * 10);
  if (meters < 1000) return formatUnit(meters, 'm');
  return formatUnit(km < 10 ? Math.round(km * 10) / 10 : Math.round(km), 'km');
}

function cardDistance(card, point) {
  let best = null;
  for (const pair of (card.dataset.geo || '').split(';')) {
    const [lat, lon] = pair.split(',').map(Number);
    if (Number.isFinite(lat) && Number.isFinite(lon)) {
      const d = distanceKm(point[0], point[1], lat, lon);
      if (best === null || d < best) best = d;
    }
  }
  return best;
}

/** Measure every result card from `point`, show the distance and sort the list nearest first. */
export function sortCardsByDistance(point, awayTemplate) {
  for (const list of document.querySelectorAll('ul.results')) {
    const cards = [...list.querySelectorAll(':scope > li.card')];
    const measured = cards.map((card) => [cardDistance(card, point), card]);
    for (const [km, card] of measured) {
      card.querySelectorAll('p.distance').forEach((p) => p.remove());
      if (km === null) continue;
      const p = document.createElement('p');
      p.className = 'distance';
      p.textContent = awayTemplate.replace('%(distance)s', nearMeDistance(km));
      card.querySelector('.hours-now, h2').after(p);
    }
    measured.sort((a, b) => (a[0] === null) - (b[0] === null) || (a[0] || 0) - (b[0] || 0));
    list.append(...measured.map(([, card]) => card));
  }
}

/** Wire the "Near me" button on the page: at load on the server's pages, after drawing on the phone's. */
export function startNearMe() {
  const button = document.querySelector('button.near-me');
  const status = document.querySelector('.near-status');
  if (!button || !status || !('geolocation' in navigator) || button.dataset.wired) return;
  button.dataset.wired = '1';
  button.hidden = false;
  button.addEventListener('click', () => {
    status.hidden = false;
    status.textContent = button.dataset.locating;
    navigator.geolocation.getCurrentPosition((position) => {
      const point = [position.coords.latitude, position.coords.longitude];
      sortCardsByDistance(point, button.dataset.away || '%(distance)s');
      status.textContent = button.dataset.sorted;
      document.documentElement.dataset.nearMe = 'sorted';
    }, () => {
      status.textContent = button.dataset.failed;
      document.documentElement.dataset.nearMe = 'failed';
      const picker = document.querySelector('form.filters select[name="near"]');
      if (picker) { picker.closest('details').open = true; picker.focus(); }
    }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 });
  });
}

startNearMe();
