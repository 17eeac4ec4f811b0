// The preview's one HTML page. It opens an EventSource on /events and applies
// each message in place: the first message carries every page, later ones
// only the pages that changed, so an edit swaps one <svg> and nothing reloads
// (scroll position, zoom and any state of the page survive).

import { say, type Lang } from '../diagnostics/messages.js';

/** The page's own words, in the reader's language (the page script reads them as T). */
function labels(lang: Lang) {
  return {
    download: say('preview/download', lang),
    connecting: say('preview/connecting', lang),
    lost: say('preview/lost', lang),
    stale: say('preview/stale', lang),
  };
}

export function previewPage(title: string, lang: Lang): string {
  const t = labels(lang);
  return `<!doctype html>
<html lang="${say('preview/html-lang', lang)}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
  body { margin: 0; background: #e8e8e8; font: 14px/1.4 system-ui, sans-serif; }
  header { position: sticky; top: 0; z-index: 1; display: flex; gap: 1em; align-items: center; padding: 6px 12px; background: #fff; border-bottom: 1px solid #ccc; }
  header .status { flex: 1; color: #444; }
  #diagnostics { margin: 0; padding: 0; list-style: none; background: #fff4f4; border-bottom: 1px solid #e0b4b4; }
  #diagnostics:empty { display: none; }
  #diagnostics li { padding: 4px 12px; font-family: ui-monospace, monospace; white-space: pre-wrap; }
  #diagnostics li.error { color: #a00; }
  #diagnostics li.warning { color: #850; }
  #diagnostics li.stale { font-family: inherit; font-weight: bold; }
  #pages { display: flex; flex-direction: column; align-items: center; gap: 16px; padding: 16px; }
  .page { background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.3); width: min(100%, 210mm); }
  .page svg { display: block; width: 100%; height: auto; }
</style>
</head>
<body>
<header><span class="status" id="status">${t.connecting}</span><a id="pdf" href="/pdf" download hidden>${t.download}</a></header>
<ul id="diagnostics"></ul>
<main id="pages"></main>
<script>
const T = ${JSON.stringify(t)};
const fonts = new Set();
const box = document.getElementById('pages');
function loadFaces(faces) {
  for (const f of faces) {
    if (fonts.has(f.family)) continue;
    fonts.add(f.family);
    const face = new FontFace(f.family, 'url(' + f.url + ')');
    document.fonts.add(face);
    face.load().catch(() => {});
  }
}
function apply(m) {
  loadFaces(m.faces);
  while (box.children.length > m.pageCount) box.lastElementChild.remove();
  while (box.children.length < m.pageCount) {
    const page = document.createElement('div');
    page.className = 'page';
    box.append(page);
  }
  for (const [i, svg] of Object.entries(m.pages)) box.children[i].innerHTML = svg;
  const list = document.getElementById('diagnostics');
  list.replaceChildren(...(m.ok || !m.pageCount ? [] : [item('stale', T.stale)]), ...m.diagnostics.map((d) => item(d.severity, d.text)));
  document.getElementById('status').textContent = m.status;
  document.getElementById('pdf').hidden = !m.pageCount;
  document.body.dataset.version = m.version;
  document.body.dataset.ok = m.ok;
}
function item(cls, text) {
  const li = document.createElement('li');
  li.className = cls;
  li.textContent = text;
  return li;
}
const events = new EventSource('/events');
events.onmessage = (e) => apply(JSON.parse(e.data));
events.onerror = () => { document.getElementById('status').textContent = T.lost; };
</script>
</body>
</html>
`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
