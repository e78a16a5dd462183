/**
 * The sync worker: downloads, checks, unpacks and writes the directory (sync.js) off the page's
 * thread. In: {lang, regions}. Out: {type: 'progress', fraction, transfer}, then {type: 'done',
 * result} or {type: 'error', name, message, inner}.
 */
import { syncDirectory } from './sync.js';

self.onmessage = async ({ data }) => {
  try {
    const progress = (fraction, transfer) => self.postMessage({ type: 'progress', fraction, transfer });
    self.postMessage({ type: 'done', result: await syncDirectory(data.lang, data.regions, progress) });
  } catch (error) {
    const inner = error && error.inner ? { name: error.inner.name } : null;
    self.postMessage({ type: 'error', name: error && error.name, message: String((error && error.message) || error), inner });
  }
};
