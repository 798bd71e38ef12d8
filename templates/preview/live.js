// Live reload for handout preview. The server announces each reload of the
// project over server-sent events; a page made from an older state fetches
// its new version and shows it where the teacher was reading. When only the
// body changed (an edited question, say) the body is swapped in place: no
// flash, fonts and scroll position untouched. Otherwise the page reloads
// and restores its scroll position.
(() => {
  'use strict';
  const script = document.currentScript;
  let generation = script ? script.dataset.generation : '';
  const here = location.pathname + location.search;
  const scrollKey = 'handout-preview-scroll:' + here;

  // After a full reload: back to the reading position once laid out.
  const saved = sessionStorage.getItem(scrollKey);
  if (saved) {
    sessionStorage.removeItem(scrollKey);
    if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
    const [x, y] = JSON.parse(saved);
    const restore = () => window.scrollTo(x, y);
    restore();
    window.addEventListener('load', () => document.fonts.ready.then(restore));
  }

  const fullReload = () => {
    sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY]));
    location.reload();
  };

  let updating = false;
  let again = false;
  const update = async () => {
    if (updating) {
      again = true;
      return;
    }
    updating = true;
    try {
      const response = await fetch(here, { cache: 'no-store' });
      const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
      const hook = fresh.querySelector('script[data-generation]');
      if (!hook || fresh.head.innerHTML !== document.head.innerHTML) return fullReload();
      const [x, y] = [window.scrollX, window.scrollY];
      // The new body's copy of this script stays inert: this one keeps running.
      document.body.replaceWith(document.adoptNode(fresh.body));
      window.scrollTo(x, y);
      generation = hook.dataset.generation;
    } catch {
      return fullReload();
    } finally {
      updating = false;
    }
    if (again) {
      again = false;
      update();
    }
  };

  // The bank browser's filters apply as soon as one is changed.
  document.addEventListener('change', (event) => {
    const form = event.target.closest && event.target.closest('form.filters');
    if (form) form.submit();
  });

  const source = new EventSource('/_preview/events?page=' + encodeURIComponent(here));
  const onState = (event) => {
    if (event.data !== generation) update();
  };
  source.addEventListener('hello', onState);
  source.addEventListener('reload', onState);
  source.addEventListener('bye', () => {
    source.close();
    const note = document.createElement('div');
    note.setAttribute('role', 'status');
    note.textContent = 'The preview has stopped. Run "handout preview" again to see changes.';
    note.style.cssText =
      'position:fixed;left:0;right:0;bottom:0;padding:.6em 1em;background:#111;color:#fff;font:14px sans-serif;z-index:2147483647';
    document.body.append(note);
  });
})();
