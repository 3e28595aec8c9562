// The first answers, before the app's wasm has downloaded. index.html already holds the
// demonstration's (written by the build); this decides what may stay on screen:
//  - no data stored yet: a first visit, and the app is about to open on the demonstration, so
//    its answers stay;
//  - data stored, with the answers the app showed for that very revision of it (kept by the
//    app's storage module under SNAPSHOT_KEY): those answers, as the app last drew them;
//  - anything else (other data, another screen asked for, nothing kept): nothing, rather than
//    answers that belong to other data.
// Whatever stays is marked as updating; the app removes it all when it starts.
//
// Plain JavaScript loaded from a file (the Content-Security-Policy allows no inline script),
// run as the page is read, so that nothing wrong is ever painted.
(() => {
  const DOCUMENT_KEY = 'adoption-forecast/v1';
  const SNAPSHOT_KEY = 'adoption-forecast/first-screen';
  const paint = document.getElementById('early-paint');
  if (!paint) return;

  // Only the forecast opens on these addresses; every other screen waits for the app.
  const forecast = ['', '#', '#/', '#/forecast', '#forecast'].includes(window.location.hash);

  let stored = null;
  let snapshot = null;
  try {
    stored = window.localStorage.getItem(DOCUMENT_KEY);
    snapshot = JSON.parse(window.localStorage.getItem(SNAPSHOT_KEY) || 'null');
  } catch {
    // No storage (a private window that refuses it): the app opens on the demonstration.
  }

  /** The revision of the stored document: it leads the document, after its version. */
  const revisionOf = (text) => {
    const found = /^\{"version":\d+,"revision":(\d+)[,}]/.exec(text.slice(0, 64));
    return found ? Number(found[1]) : null;
  };

  // What the snapshot may contain: the answers' own elements and classes, as text. Anything
  // else it holds is dropped, never run or shown as markup.
  const TAGS = new Set(['UL', 'LI', 'P', 'SPAN', 'STRONG', 'EM']);
  const clean = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.textContent);
    if (node.nodeType !== Node.ELEMENT_NODE || !TAGS.has(node.tagName)) return null;
    const copy = document.createElement(node.tagName.toLowerCase());
    const kept = node.getAttribute('class');
    if (kept) copy.setAttribute('class', kept);
    if (node.tagName === 'UL' && node.getAttribute('aria-label')) copy.setAttribute('aria-label', node.getAttribute('aria-label'));
    for (const child of node.childNodes) {
      const made = clean(child);
      if (made) copy.appendChild(made);
    }
    return copy;
  };

  const place = () => {
    const answers = document.getElementById('early-paint-answers');
    if (!answers || typeof snapshot.context !== 'string' || typeof snapshot.answers !== 'string') return false;
    const parsed = new DOMParser().parseFromString(snapshot.answers, 'text/html').body;
    const context = document.createElement('p');
    context.className = 'first-screen__context';
    context.textContent = snapshot.context;
    const list = [...parsed.childNodes].map(clean).filter(Boolean);
    if (list.length === 0) return false;
    answers.replaceChildren(context, ...list);
    return true;
  };

  let keep = forecast;
  if (keep && stored !== null) {
    keep = snapshot !== null && typeof snapshot === 'object'
      && snapshot.revision === revisionOf(stored) && place();
  }
  if (!keep) paint.remove();
})();
