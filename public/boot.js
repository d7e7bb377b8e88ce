// Says why Perheopas did not start, in place of the loading message: a browser without
// WebAssembly, or an app file that failed to load or run. Without this the family would wait on
// "Loading…" forever. Once the app runs, its own messages take over and this stays silent.
(() => {
  const words = {
    fi: ['Perheopas ei käynnistynyt.', 'Tarkista verkkoyhteys ja lataa sivu uudelleen.', 'Lataa uudelleen',
      'Tämä selain ei tue WebAssemblyä, jota Perheopas tarvitsee. Päivitä selain tai käytä toista selainta.'],
    sv: ['Perheopas startade inte.', 'Kontrollera nätverksanslutningen och ladda om sidan.', 'Ladda om',
      'Den här webbläsaren stöder inte WebAssembly, som Perheopas behöver. Uppdatera webbläsaren eller använd en annan.'],
    en: ['Perheopas did not start.', 'Check your network connection and reload the page.', 'Reload',
      'This browser does not support WebAssembly, which Perheopas needs. Update the browser or use another one.'],
  };
  const lang = new URLSearchParams(location.search).get('lang');
  const [title, hint, reload, noWasm] = words[lang] ?? words.fi;
  let started = false;
  addEventListener('TrunkApplicationStarted', () => { started = true; });

  const show = (why, detail) => {
    // A script can fail before the body is parsed; the message waits for its place.
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => show(why, detail));
      return;
    }
    const boot = document.getElementById('boot');
    if (started || !boot) return;
    const alert = document.createElement('div');
    alert.className = 'error';
    alert.setAttribute('role', 'alert');
    alert.lang = words[lang] ? lang : 'fi';
    const h = document.createElement('h1');
    h.textContent = title;
    const p = document.createElement('p');
    p.textContent = why;
    alert.append(h, p);
    if (detail) {
      // Browser error texts are in English whatever the page's language.
      const d = document.createElement('p');
      d.className = 'detail';
      d.lang = 'en';
      d.textContent = detail;
      alert.append(d);
    }
    const a = document.createElement('a');
    a.href = location.href;
    a.textContent = reload;
    alert.append(a);
    boot.replaceChildren(alert);
  };

  if (typeof WebAssembly !== 'object') {
    show(noWasm, null);
    return;
  }
  // Capture phase: a script that fails to load fires `error` on its element, not on window. A
  // module that throws (the Wasm failing to load or trapping while it starts) reports to window.
  addEventListener('error', (e) => {
    if (e instanceof ErrorEvent) show(hint, e.message);
    else if (e.target instanceof HTMLScriptElement) show(hint, `${e.target.src || 'the module loader'}: a script did not load`);
  }, true);
})();
