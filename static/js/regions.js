/**
 * Which regions of a large directory this phone keeps: the person's choice, kept in localStorage
 * (the page's side: the sync worker is told which to download).
 */
const REGIONS_KEY = 'passerelle-regions';

/** The regions this phone keeps ("all" unless someone chose), or null when a choice is needed. */
export async function chosenRegions() {
  const saved = localStorage.getItem(REGIONS_KEY);
  if (saved) return saved.split(' ');
  const response = await fetch('/offline/regions.json', { cache: 'no-store' });
  const index = await response.json();
  return index.default ? [index.default] : null;
}

/** Remember which regions to keep; the next sync downloads them. */
export function chooseRegions(ids) {
  localStorage.setItem(REGIONS_KEY, [...ids].sort().join(' '));
}

/** The region list offered by the server: [{id, name, services}]. */
export async function availableRegions() {
  const response = await fetch('/offline/regions.json', { cache: 'no-store' });
  return (await response.json()).regions;
}
