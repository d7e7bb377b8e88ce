// Quick exit: leave for a neutral site and take this visit's trail out of the tab's history, as
// far as a page can (src/components/quick_exit.rs calls window.perheopasLeave).
//
// Replacing only the current entry is not enough: every step in the app (a situation, a search,
// a service) is an entry of its own, and one Back press from the neutral site would show them
// again. So the page first goes back to the first entry of this visit, then replaces that one
// with the neutral site; the browser drops every entry after it. If that first entry belongs to
// an earlier load of the page (the visit included a reload), the browser loads it, and this
// script, which runs before anything is drawn, finds the note left in sessionStorage and goes
// on leaving at once. Inline and first in <head> for that reason; written for old browsers.
(function () {
  var NEUTRAL = 'https://www.ilmatieteenlaitos.fi/';
  var KEY = 'perheopas-leaving';
  function note(on) {
    try {
      if (on) sessionStorage.setItem(KEY, '1');
      else sessionStorage.removeItem(KEY);
    } catch (e) { /* storage off: the same-page path still works */ }
  }
  function pending() {
    try { return sessionStorage.getItem(KEY) === '1'; } catch (e) { return false; }
  }
  function away() {
    note(false);
    location.replace(NEUTRAL);
  }
  if (pending()) {
    // Nothing of the visit may show while the neutral site loads.
    document.documentElement.style.visibility = 'hidden';
    away();
    return;
  }
  // A page restored from the back/forward cache runs no script again.
  addEventListener('pageshow', function (e) {
    if (e.persisted && pending()) away();
  });

  // How many steps back the visit's first entry is: entries of this same page (any query), with
  // nothing else between. Without the Navigation API nothing is known, and the app then never
  // adds entries of its own (it replaces them), so the current one is the only one.
  function firstOfVisit() {
    var nav = window.navigation;
    if (!nav || !nav.currentEntry || typeof nav.entries !== 'function') return null;
    var entries = nav.entries();
    var i = nav.currentEntry.index;
    var first = i;
    while (first > 0 && entries[first - 1] && entries[first - 1].url) {
      var url = new URL(entries[first - 1].url);
      if (url.origin !== location.origin || url.pathname !== location.pathname) break;
      first -= 1;
    }
    return first === i ? null : entries[first];
  }

  window.perheopasLeave = function () {
    // Going back passes through the visit's first view; none of it may show on the way.
    document.documentElement.style.visibility = 'hidden';
    var first = firstOfVisit();
    if (!first) {
      away();
      return;
    }
    note(true);
    // Same page: once back on the first entry, replace it. Another page load: its copy of this
    // script leaves. Either way, a traversal the browser refuses means leaving from here.
    var done = first.sameDocument ? away : function () {};
    window.navigation.traverseTo(first.key).committed.then(done, away);
    if (first.sameDocument) setTimeout(away, 1500);
  };
})();
