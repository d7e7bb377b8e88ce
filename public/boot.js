// Says why Perheopas did not start, in place of the loading message: a browser without
// WebAssembly, or the app's own files failing to load or run. Without this the family would
// wait on "Loading…" forever. Once the app runs, its own messages take over and this stays
// silent. Written for old browsers too (no ??, no replaceChildren): they are the likely failures.
(function () {
  var words = {
    fi: ['Perheopas ei käynnistynyt.', 'Tarkista verkkoyhteys ja lataa sivu uudelleen.', 'Lataa uudelleen',
      'Tämä selain ei tue WebAssemblyä, jota Perheopas tarvitsee. Päivitä selain tai käytä toista selainta.'],
    sv: ['Perheopas startade inte.', 'Kontrollera nätverksanslutningen och ladda om sidan.', 'Ladda om',
      'Den här webbläsaren stöder inte WebAssembly, som Perheopas behöver. Uppdatera webbläsaren eller använd en annan.'],
    en: ['Perheopas did not start.', 'Check your network connection and reload the page.', 'Reload',
      'This browser does not support WebAssembly, which Perheopas needs. Update the browser or use another one.'],
  };
  var asked = new URLSearchParams(location.search).get('lang');
  // Own keys only: `?lang=constructor` must not reach Object.prototype.
  var lang = Object.prototype.hasOwnProperty.call(words, asked) ? asked : 'fi';
  var text = words[lang];
  var started = false;
  var shown = false;
  addEventListener('TrunkApplicationStarted', function () { started = true; });

  // The app's own files: Trunk's loader is an inline module of the page, the glue and the Wasm
  // are perheopas-<hash>.js / _bg.wasm. pwa.js or a host's script failing is no reason to say
  // the app did not start.
  var ours = /\/perheopas-[0-9a-f]+(\.js|_bg\.wasm)$/;
  var page = location.href.split('#')[0];

  function show(why, detail) {
    // A script can fail before the body is parsed; the message waits for its place.
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', function () { show(why, detail); });
      return;
    }
    var boot = document.getElementById('boot');
    // The first failure is the cause; later ones follow from it.
    if (started || shown || !boot) return;
    shown = true;
    var alert = document.createElement('div');
    alert.className = 'error';
    alert.setAttribute('role', 'alert');
    alert.lang = lang;
    var h = document.createElement('h1');
    h.textContent = text[0];
    var p = document.createElement('p');
    p.textContent = why;
    alert.appendChild(h);
    alert.appendChild(p);
    if (detail) {
      // Browser error texts are in English whatever the page's language.
      var d = document.createElement('p');
      d.className = 'detail';
      d.lang = 'en';
      d.textContent = detail;
      alert.appendChild(d);
    }
    // A button, not a link to this address: with a #fragment a link would only scroll.
    var again = document.createElement('button');
    again.type = 'button';
    again.className = 'action';
    again.textContent = text[2];
    again.addEventListener('click', function () { location.reload(); });
    alert.appendChild(again);
    boot.textContent = '';
    boot.appendChild(alert);
  }

  if (typeof WebAssembly !== 'object') {
    show(text[3], null);
    return;
  }
  // The catalogue's parts (src/parts.rs) are fetched while the page is still being read: the
  // manifest, then the common part and the shards of the counties the address or the remembered
  // home names. Their bytes wait in perheopasBegun for the app, which takes each promise once.
  // Asked for only when the Wasm has started, they came seconds later on a slow network. A failed
  // download rejects, and the app says why and falls back to its saved copy.
  var begun = window.perheopasBegun = {};
  function get(path) {
    var download = fetch(path).then(function (r) {
      return r.arrayBuffer().then(function (bytes) { return { status: r.status, bytes: bytes }; });
    });
    // Nobody may be waiting yet; the app reports the failure when it takes the promise.
    download.catch(function () {});
    begun[path] = download;
    return download;
  }
  // The same choice as the app's start (src/parts.rs): a small catalogue's whole file; otherwise
  // the county's and the municipality's own shards of each area named (the nationwide follows).
  get('parts/manifest.json').then(function (m) {
    if (m.status !== 200) return;
    var manifest = JSON.parse(new TextDecoder().decode(m.bytes));
    // A small catalogue comes whole, in one file.
    if (manifest.whole) {
      get('parts/' + manifest.whole.file);
      return;
    }
    get('parts/' + manifest.common.file);
    var shards = manifest.shards;
    var query = new URLSearchParams(location.search);
    var list = function (name) { return (query.get(name) || '').split(','); };
    var munis = list('municipality');
    var counties = list('county');
    // Only the full app remembers a home; a widget and a kiosk keep their presets.
    if (!query.get('mode')) {
      try {
        var home = JSON.parse(localStorage.getItem('perheopas.home') || 'null');
        if (typeof home === 'string' && home.indexOf('m:') === 0) munis.push(home.slice(2));
      } catch (e) { /* no storage, or not ours: the app reads it again */ }
    }
    var wanted = {};
    shards.forEach(function (s) {
      if (s.key.indexOf('county-') !== 0) return;
      var whole = counties.indexOf(s.county) >= 0;
      var named = s.municipalities.filter(function (m) { return whole || munis.indexOf(m) >= 0; });
      if (!whole && named.length === 0) return;
      wanted[s.key] = true;
      named.forEach(function (m) { wanted['municipality-' + m] = true; });
    });
    shards.forEach(function (s) { if (wanted[s.key]) get('parts/' + s.file); });
  }).catch(function () {});
  // Capture phase: a script that fails to load fires `error` on its element, not on window. A
  // module that throws (the Wasm failing to load or trapping while it starts) reports to window.
  addEventListener('error', function (e) {
    if (e instanceof ErrorEvent) {
      if (e.filename === page || ours.test(e.filename || '')) show(text[1], e.message);
    } else if (e.target instanceof HTMLScriptElement && (e.target.type === 'module' || ours.test(e.target.src))) {
      show(text[1], (e.target.src || 'the module loader') + ': a script did not load');
    }
  }, true);
})();
