/**
 * The page's side of the sync worker (sync-worker.js): one worker for each sync, ended when it is done.
 */

/** Bring the directory for `lang` in `regions` up to date in the worker; as sync.js syncDirectory. */
export function syncInWorker(lang, regions, onProgress) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(document.querySelector('meta[name="sync-worker"]').content);
    const fail = (name, message, inner) => {
      const error = new Error(message);
      error.name = name || 'Error';
      if (inner) error.inner = inner;
      reject(error);
    };
    worker.onmessage = ({ data }) => {
      if (data.type === 'progress') { if (onProgress) onProgress(data.fraction, data.transfer); return; }
      worker.terminate();
      performance.mark('passerelle-synced');
      if (data.type === 'done') resolve(data.result);
      else fail(data.name, data.message, data.inner);
    };
    worker.onerror = (event) => { worker.terminate(); fail('Error', event.message || 'The sync worker failed'); };
    performance.mark('passerelle-sync'); // bench/main_thread.py counts the page's long tasks from here to 'passerelle-synced'
    worker.postMessage({ lang, regions });
  });
}
