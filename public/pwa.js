// Registers the service worker and tells the app when a new version is waiting. The app shows
// the prompt (in the user's language) and calls window.perheopasApplyUpdate() when accepted.
(() => {
  if (!('serviceWorker' in navigator)) return;
  let waiting = null;
  const announce = (worker) => {
    waiting = worker;
    window.perheopasUpdateWaiting = true;
    window.dispatchEvent(new CustomEvent('perheopas-update'));
  };
  window.perheopasApplyUpdate = () => {
    if (waiting) waiting.postMessage('skip-waiting');
  };
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // Only a worker the user accepted replaces a controller; the URL keeps the search.
    if (reloading || !window.perheopasUpdateWaiting) return;
    reloading = true;
    location.reload();
  });
  window.addEventListener('load', async () => {
    // A browser may refuse workers (a policy, private mode, an automated browser): the app
    // then works online only, and says nothing about updates.
    let registration;
    try {
      registration = await navigator.serviceWorker.register('sw.js', { scope: './' });
    } catch (e) {
      console.warn('Perheopas: no offline use, the service worker was refused', e);
      return;
    }
    if (!registration) return;
    if (registration.waiting && navigator.serviceWorker.controller) announce(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) announce(worker);
      });
    });
    // Look for a new deployment now and then while the app stays open (kiosks, long sessions).
    setInterval(() => registration.update().catch(() => {}), 30 * 60 * 1000);
  });
})();
