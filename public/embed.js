// Perheopas widget loader. On the host page:
//   <div data-perheopas data-area="422" data-lang="fi"></div>
//   <script src="https://<where perheopas is>/embed.js" async></script>
// Each element becomes an iframe of the finder (isolated from the host's styles and scripts)
// whose height follows its content. Attributes: data-area, data-level, data-category,
// data-situation, data-lang, data-compact, data-header, data-accent, data-links, data-height
// ("auto" or pixels), data-title. Bad values are reported in the console by the widget itself.
(() => {
  const script = document.currentScript;
  if (!script) return;
  const base = new URL('./', script.src);
  const PASSED = ['area', 'level', 'category', 'situation', 'lang', 'compact', 'header', 'accent', 'links'];
  const KNOWN = new Set([...PASSED, 'perheopas', 'height', 'title', 'perheopasMounted']);
  const frames = new Map();

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
    const iframe = document.createElement('iframe');
    iframe.src = `${base}?${params}`;
    iframe.title = el.dataset.title || 'Perheopas – perhekeskuksen palvelut';
    iframe.loading = 'lazy';
    iframe.style.cssText = `display:block;width:100%;border:0;height:${fixed ?? 640}px;`;
    frames.set(iframe, fixed === null);
    el.replaceChildren(iframe);
  }

  window.addEventListener('message', (event) => {
    if (event.origin !== base.origin || event.data?.type !== 'perheopas-height') return;
    for (const [iframe, auto] of frames) {
      if (auto && iframe.contentWindow === event.source) {
        const h = Number(event.data.height);
        if (h > 0 && h < 100000) iframe.style.height = `${h}px`;
      }
    }
  });

  const all = () => document.querySelectorAll('[data-perheopas]').forEach(mount);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', all);
  else all();
})();
