/**
 * The page the service worker shows offline in a language this phone has not kept (offline/elsewhere.html):
 * show the words in the language the address asks for, and link the same page in each language that is kept.
 */
const SHELL = /^\/([A-Za-z_]+)\/offline$/;

async function keptLanguages() {
  if (!('caches' in window)) return [];
  const codes = new Set();
  for (const name of (await caches.keys()).filter((n) => n.startsWith('passerelle-shell-'))) {
    for (const request of await (await caches.open(name)).keys()) {
      const found = SHELL.exec(new URL(request.url).pathname);
      if (found) codes.add(found[1]);
    }
  }
  return [...codes];
}

async function show() {
  const [, asked, ...rest] = window.location.pathname.split('/');
  const sections = [...document.querySelectorAll('section[data-lang]')];
  const section = sections.find((s) => s.dataset.lang === asked) || sections[0];
  for (const s of sections) s.hidden = s !== section;
  document.documentElement.lang = section.lang;
  document.documentElement.dir = section.dir;
  const list = section.querySelector('ul.kept');
  for (const code of await keptLanguages()) {
    const other = sections.find((s) => s.dataset.lang === code);
    if (!other || other === section) continue;
    const link = document.createElement('a');
    link.href = `/${code}/${rest.join('/')}${window.location.search}${window.location.hash}`; // a sheet's #list= too
    link.lang = other.lang;
    link.hreflang = other.lang;
    link.textContent = other.dataset.name;
    const item = document.createElement('li');
    item.append(link);
    list.append(item);
  }
  document.documentElement.dataset.rendered = 'elsewhere';
}

show();
