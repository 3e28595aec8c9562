// Keeps the app working with no network once it has been opened: registers the service
// worker that caches this version's files, and tells the app when a newer version has been
// downloaded and is waiting, so that the app can say "A new version is ready - reload"
// instead of switching under the user in the middle of a meeting.
//
// Plain JavaScript rather than Rust: it must run before the wasm has loaded, and the service
// worker itself cannot be written in our wasm bundle without loading all of it twice.
if ('serviceWorker' in navigator) {
  const announce = () => {
    // The app may not be running yet: it also reads this mark when it starts.
    document.documentElement.dataset.updateReady = 'yes';
    window.dispatchEvent(new Event('adoption-forecast:update-ready'));
  };
  navigator.serviceWorker.register('/sw.js').then((registration) => {
    // A browser told to allow no service worker may answer with none.
    if (!registration) return;
    if (registration.waiting && navigator.serviceWorker.controller) announce();
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      if (!worker) return;
      worker.addEventListener('statechange', () => {
        // With a controller this is an update; without one, the first visit's install.
        if (worker.state === 'installed' && navigator.serviceWorker.controller) announce();
      });
    });
  }, () => {
    // No service worker (a private window that refuses it, or a file:// page): the app
    // works as before, only not offline.
  });
  // The app asks for the waiting version when the user chooses to reload.
  window.addEventListener('adoption-forecast:reload', () => {
    navigator.serviceWorker.getRegistration().then((registration) => {
      const waiting = registration && registration.waiting;
      if (!waiting) {
        window.location.reload();
        return;
      }
      navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload());
      waiting.postMessage('skip-waiting');
    });
  });
}
