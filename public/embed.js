// Perheopas widget loader. On the host page:
//   <div data-perheopas data-area="422" data-lang="fi"></div>
//   <script src="https://<where perheopas is>/embed.js" async></script>
// Each element becomes an iframe of the finder (isolated from the host's styles and scripts)
// whose height follows its content. Attributes: data-area, data-level, data-category,
// data-situation, data-lang, data-compact, data-header, data-accent, data-links, data-height
// ("auto" or pixels), data-title, data-exit ("0": no quick-exit button on the host page). Bad
// values are reported in the console by the widget itself.
//
// When a service or another page of its own opens inside the widget, the host page scrolls the
// widget's title into view (not on the widget's first load).
//
// The frame is allowed the position ("Near me", asked for only when the user taps it), Web Share
// and writing to the clipboard (the `allow` list); a host's own Permissions-Policy header must not
// forbid them either.
//
// Quick exit: the widget's own button (at its top) scrolls away with the frame, so while a widget
// is on screen without it, the loader shows a fixed "quick exit" button of its own at the bottom
// of the widget's visible part, in the widget's language. Like the button inside the widget, it
// replaces the host page with a neutral site. It sits in the page just before the widget's frame,
// so the keyboard reaches it on the way into the widget; when not needed it is hidden until
// focused. It is styled through the CSSOM (which a host's Content-Security-Policy allows) inside a
// shadow root (the host's styles do not reach it). A host with an exit button of its own turns it
// off with data-exit="0".
(() => {
  const script = document.currentScript;
  if (!script) return;
  const base = new URL('./', script.src);
  const PASSED = ['area', 'level', 'category', 'situation', 'lang', 'compact', 'header', 'accent', 'links'];
  const KNOWN = new Set([...PASSED, 'perheopas', 'height', 'title', 'exit', 'perheopasMounted']);
  // What the widget may use inside its frame: "Near me", sharing a service, copying its link.
  const ALLOW = 'geolocation; web-share; clipboard-write';
  // The same neutral page as the app's own quick exit (src/components/quick_exit.rs).
  const NEUTRAL_SITE = 'https://www.ilmatieteenlaitos.fi/';
  // The app's own words (locales/*.json quick_exit), so the button is the same in and out of the frame.
  const EXIT = {
    fi: ['Poistu nopeasti', 'Poistuu heti toiselle sivustolle.'],
    sv: ['Lämna snabbt', 'Lämnar genast till en annan webbplats.'],
    en: ['Quick exit', 'Leaves at once for another site.'],
  };
  const frames = new Map();
  const exits = new Map(); // iframe → { button, inView, focused }

  function mount(el) {
    if (el.dataset.perheopasMounted) return;
    el.dataset.perheopasMounted = '1';
    const params = new URLSearchParams({ mode: 'widget' });
    for (const [key, value] of Object.entries(el.dataset)) {
      if (PASSED.includes(key)) params.set(key, value);
      else if (!KNOWN.has(key)) console.warn(`Perheopas widget: unknown attribute data-${key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())} ignored`);
    }
    const height = el.dataset.height ?? 'auto';
    const fixed = /^\d+$/.test(height) ? Number(height) : null;
    if (height !== 'auto' && fixed === null) console.warn(`Perheopas widget: data-height="${height}" is not "auto" or a number of pixels; using auto`);
    const exit = el.dataset.exit ?? '1';
    if (exit !== '0' && exit !== '1') console.warn(`Perheopas widget: data-exit="${exit}" is not "0" or "1"; showing the quick-exit button`);
    const iframe = document.createElement('iframe');
    // Set before the frame loads: the policy is fixed when the frame navigates.
    iframe.setAttribute('allow', ALLOW);
    iframe.src = `${base}?${params}`;
    iframe.title = el.dataset.title || 'Perheopas – perhekeskuksen palvelut';
    iframe.loading = 'lazy';
    iframe.style.cssText = `display:block;width:100%;border:0;height:${fixed ?? 640}px;`;
    frames.set(iframe, fixed === null);
    if (exit === '0') {
      el.replaceChildren(iframe);
    } else {
      el.replaceChildren(exitButton(iframe, el.dataset.lang), iframe);
    }
  }

  // Messages from the widget's own frames only: the right origin, from one of our iframes, and
  // of the expected shape; anything else is ignored without a word.
  window.addEventListener('message', (event) => {
    if (event.origin !== base.origin) return;
    const data = event.data;
    if (typeof data !== 'object' || data === null) return;
    const iframe = [...frames.keys()].find((f) => f.contentWindow === event.source);
    if (!iframe) return;
    if (data.type === 'perheopas-height' && frames.get(iframe)) {
      const h = Number(data.height);
      if (h > 0 && h < 100000) iframe.style.height = `${h}px`;
    } else if (data.type === 'perheopas-scroll' && typeof data.top === 'number' && data.top >= 0 && data.top < 100000) {
      bringIntoView(iframe, data.top);
    }
  });

  // A page opened inside the widget (a service, my list, help) starts at its title. The frame is
  // as tall as its content and never scrolls, so without this a reader who tapped a service far
  // down the results would land mid-page with its title above the window. The frame tells where
  // its title is (`top`, px from the frame's top); the host page scrolls only if the title is
  // out of sight: to the frame's top when the title then shows in the window's upper half (the
  // widget's own quick exit in view too), else to the title.
  const TITLE_ROOM = 48;
  function bringIntoView(iframe, top) {
    const rect = iframe.getBoundingClientRect();
    const title = rect.top + top;
    if (title >= 0 && title <= window.innerHeight - TITLE_ROOM) return;
    const offset = top < window.innerHeight / 2 ? 0 : top;
    const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    window.scrollTo({ top: window.scrollY + rect.top + offset - MARGIN, behavior: still ? 'auto' : 'smooth' });
  }

  // --- Quick exit on the host page -------------------------------------------------------------

  const MARGIN = 12;
  // The widget's own quick exit is at its top. While the widget's top is this far or more below
  // the top of the window, that button is in sight (not under a host's sticky header either) and
  // a second one would only cover content.
  const OWN_BUTTON_IN_SIGHT = 80;
  // Above a host's sticky headers, cookie banners and chat bubbles (z-index 1000–99999), below
  // nothing: the way out must never be under something else.
  const LOOK =
    'all:initial;box-sizing:border-box;z-index:2147483000;margin:0;min-height:44px;min-width:44px;' +
    'padding:0 16px;font:700 16px/1.2 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;' +
    'color:#fff;background:#ae332d;border:2px solid #fff;border-radius:4px;cursor:pointer;' +
    'box-shadow:0 2px 8px rgba(0,0,0,.35);display:inline-flex;align-items:center;justify-content:center;';
  const OFF_SCREEN =
    'position:absolute;width:1px;height:1px;min-height:0;min-width:0;padding:0;border:0;margin:-1px;overflow:hidden;' +
    'clip-path:inset(50%);white-space:nowrap;';
  let printing = false;
  let frame = 0;

  function exitButton(iframe, langAttr) {
    const lang = EXIT[langAttr] ? langAttr : 'fi';
    const [label, hint] = EXIT[lang];
    const holder = document.createElement('span');
    holder.style.cssText = 'all:initial;';
    const button = document.createElement('button');
    button.type = 'button';
    button.lang = lang;
    button.textContent = label;
    button.title = hint;
    // Replaces the host page's history entry: "back" does not return to it.
    button.addEventListener('click', () => window.location.replace(NEUTRAL_SITE));
    const exit = { button, inView: !observer, focused: false };
    button.addEventListener('focus', () => {
      exit.focused = true;
      place(iframe);
    });
    button.addEventListener('blur', () => {
      exit.focused = false;
      place(iframe);
    });
    holder.attachShadow({ mode: 'open' }).append(button);
    exits.set(iframe, exit);
    observer?.observe(iframe);
    place(iframe);
    return holder;
  }

  // Fixed at the bottom right of the widget's visible part: it covers the widget, not the host's
  // own content around it, and goes when the widget does.
  function place(iframe) {
    const exit = exits.get(iframe);
    if (!exit) return;
    const { button, inView, focused } = exit;
    const rect = iframe.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    const top = Math.max(rect.top, 0);
    const bottom = Math.min(rect.bottom, vh);
    const room = bottom - top >= 44 + 2 * MARGIN;
    const needed = inView && room && rect.top < OWN_BUTTON_IN_SIGHT;
    if (printing || (!focused && !needed)) {
      button.style.cssText = LOOK + OFF_SCREEN;
      return;
    }
    // Focused by keyboard while the widget is off screen: at the bottom of the window.
    const fromBottom = inView && room ? vh - bottom + MARGIN : MARGIN;
    const fromRight = Math.max(MARGIN, vw - Math.min(rect.right, vw) + MARGIN);
    // `all:initial` took the browser's focus ring away: one of its own, white and dark, seen on any
    // host background.
    const ring = focused ? 'outline:3px solid #1a1a1a;outline-offset:2px;box-shadow:0 0 0 2px #fff;' : '';
    button.style.cssText = `${LOOK}${ring}position:fixed;right:${fromRight}px;bottom:${fromBottom}px;`;
  }

  function placeAll() {
    frame = 0;
    for (const iframe of exits.keys()) place(iframe);
  }
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(placeAll);
  };

  let listening = false;
  const observer =
    'IntersectionObserver' in window
      ? new IntersectionObserver((entries) => {
          for (const entry of entries) {
            const exit = exits.get(entry.target);
            if (exit) exit.inView = entry.isIntersecting;
          }
          // Follow scrolling only while some widget is on screen.
          const any = [...exits.values()].some((e) => e.inView);
          if (any && !listening) {
            window.addEventListener('scroll', schedule, { passive: true });
            window.addEventListener('resize', schedule, { passive: true });
          } else if (!any && listening) {
            window.removeEventListener('scroll', schedule);
            window.removeEventListener('resize', schedule);
          }
          listening = any;
          placeAll();
        })
      : null;
  // Without IntersectionObserver (very old browsers): always shown.
  if (!observer) {
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule, { passive: true });
  }
  // Not on the host page's printout.
  window.addEventListener('beforeprint', () => {
    printing = true;
    placeAll();
  });
  window.addEventListener('afterprint', () => {
    printing = false;
    placeAll();
  });

  const all = () => document.querySelectorAll('[data-perheopas]').forEach(mount);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', all);
  else all();
})();
