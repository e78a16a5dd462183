/**
 * Draw the directory pages from the data saved on this phone, with the same markup as the
 * server's templates (templates/directory/*.html): home, a category, search results, a service.
 */
import { dayNumber, openStatus, toInstant, weekHours } from './hours.js';
import { filterMoment, filtersActive, parseFilters, recordDistance, recordMatches } from './filters.js';
import { buildIndex, searchIndex } from './local-search.js';
import { format } from './status-line.js';
import { allServices, getService } from './store.js';
import { savedSearchDataOnPage, searchAll } from './search-client.js';

const SEARCH_MAX_QUERY = 200;

function esc(value) {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function icon(name) {
  const template = document.getElementById(`icon-${name}`);
  return template ? template.innerHTML.trim() : '';
}

// Record text is a string, or [text, language] where it falls back to another language.
function ltext(t, tag = 'span') {
  if (!t) return '';
  if (Array.isArray(t)) return `<${tag} lang="${esc(t[1])}" dir="auto">${esc(t[0])}</${tag}>`;
  return tag === 'span' ? esc(t) : `<${tag}>${esc(t)}</${tag}>`;
}

function plain(t) {
  return Array.isArray(t) ? t[0] : (t || '');
}

function paragraphs(t) {
  if (!t) return '';
  const attrs = Array.isArray(t) ? ` lang="${esc(t[1])}" dir="auto"` : '';
  return plain(t).split('\n').filter((p) => p.trim()).map((p) => `<p${attrs}>${esc(p)}</p>`).join('');
}

class Page {
  constructor(lang, dataset, strings) {
    this.lang = lang;
    this.bcp47 = lang.replace('_', '-');
    this.dataset = dataset;
    this.s = strings;
    this.tz = (dataset.info && dataset.info.timezone) || 'UTC';
    this.now = Date.now();
    this.terms = new Map(dataset.terms.map((t) => [t.s, t]));
    this.collator = new Intl.Collator(this.bcp47);
  }

  url(path) {
    return `/${this.lang}/${path}`;
  }

  plural(forms, n, values = {}) {
    const category = new Intl.PluralRules(this.bcp47).select(n);
    return format(forms[category] || forms.other || Object.values(forms)[0], { num: n, ...values });
  }

  time(ms) {
    return new Intl.DateTimeFormat(this.bcp47, { timeStyle: 'short', timeZone: this.tz }).format(new Date(ms));
  }

  weekdayOf(ms, tz = this.tz) {
    return new Intl.DateTimeFormat(this.bcp47, { weekday: 'long', timeZone: tz }).format(new Date(ms));
  }

  clock(seconds) {
    return new Intl.DateTimeFormat(this.bcp47, { timeStyle: 'short', timeZone: 'UTC' }).format(new Date(seconds * 1000));
  }

  longDate(iso) {
    const [y, m, d] = iso.split('-').map(Number);
    return new Intl.DateTimeFormat(this.bcp47, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
  }

  /** "Open now · closes 5:00 PM", as directory.open_label says it. */
  openLabel(status) {
    const s = this.s;
    if (status.state === 'open24') return s.open24;
    if (status.state === 'unknown') return s.unknown;
    const when = status.state === 'open' ? status.closesAt : status.opensAt;
    if (when === null) return s.closed;
    const today = dayNumber(this.now, this.tz);
    const day = dayNumber(when, this.tz);
    const values = { time: this.time(when), day: this.weekdayOf(when) };
    if (status.state === 'open') return format(day === today ? s.openCloses : s.openClosesDay, values);
    if (day === today) return format(s.opensToday, values);
    if (day === today + 1) return format(s.opensTomorrow, values);
    return format(s.opensDay, values);
  }

  statusBadge(r) {
    const status = openStatus(r.h, this.now, this.tz);
    return `<p class="hours-now ${status.state}">${icon('clock')}<span>${esc(this.openLabel(status))}</span></p>`;
  }

  phoneLink(p, label) {
    if (!p.e) return `<bdi dir="ltr">${esc(p.d)}</bdi>`;
    const href = `tel:${p.e}${p.x ? `;ext=${p.x}` : ''}`;
    const ext = p.x ? ` ${esc(format(this.s.ext, { ext: p.x }))}` : '';
    return `<a class="btn call" href="${esc(href)}">${icon('phone')}<span>${esc(label || this.s.call)} <bdi dir="ltr">${esc(p.d)}</bdi>${ext}</span></a>`;
  }

  card(r) {
    const first = (r.p || []).find((p) => p.e && p.t !== 'fax');
    const geo = (r.l || []).filter((l) => l.g).map((l) => l.g.join(',')).join(';');
    return `<li class="card"${geo ? ` data-geo="${esc(geo)}"` : ''}>
  <h2><a href="${this.url(`services/${r.i}`)}">${ltext(r.n)}</a></h2>
  ${r.o ? `<p class="org">${ltext(r.o)}</p>` : ''}
  ${this.statusBadge(r)}
  ${r.g && r.g.length ? `<p class="langs-spoken">${esc(format(this.s.languagesList, { list: r.g.join(', ') }))}</p>` : ''}
  ${r.f ? `<p class="free">${esc(this.s.free)}</p>` : ''}
  ${first ? this.phoneLink(first) : ''}
</li>`;
  }

  results(records) {
    return `<ul class="results">${records.map((r) => this.card(r)).join('')}</ul>`;
  }

  sortByName(records) {
    return records.sort((a, b) => this.collator.compare(plain(a.n), plain(b.n)));
  }

  tree(records) {
    const direct = new Map();
    for (const r of records) for (const slug of r.c || []) direct.set(slug, [...(direct.get(slug) || []), r.i]);
    const children = new Map();
    for (const t of this.dataset.terms) {
      const parent = this.terms.has(t.p) ? t.p : null;
      children.set(parent, [...(children.get(parent) || []), t]);
    }
    const under = new Map();
    const servicesUnder = (slug) => {
      if (!under.has(slug)) {
        under.set(slug, new Set());
        const ids = new Set(direct.get(slug) || []);
        for (const child of children.get(slug) || []) for (const id of servicesUnder(child.s)) ids.add(id);
        under.set(slug, ids);
      }
      return under.get(slug);
    };
    return { children, servicesUnder };
  }

  home(records) {
    const { children, servicesUnder } = this.tree(records);
    const top = (children.get(null) || []).filter((t) => servicesUnder(t.s).size)
      .sort((a, b) => ((a.k || '') < (b.k || '') ? -1 : (a.k || '') > (b.k || '') ? 1 : 0));
    const items = top.map((t) => `<li><a href="${this.url(`categories/${t.s}`)}">${icon(`cat-${t.s}`) || icon('cat-default')}<span class="name">${ltext(t.n)}</span><span class="count">${esc(this.plural(this.s.services, servicesUnder(t.s).size))}</span></a></li>`);
    return {
      title: this.s.findHelp,
      html: `<h1>${esc(this.s.findHelp)}</h1>
<p class="lead">${esc(this.s.lead)}</p>
<h2 class="visually-hidden">${esc(this.s.categories)}</h2>
<ul class="categories">${items.join('\n')}</ul>`,
    };
  }

  category(records, slug) {
    const term = this.terms.get(slug);
    if (!term) return null;
    const { children, servicesUnder } = this.tree(records);
    const ids = servicesUnder(slug);
    const ancestors = [];
    for (let t = this.terms.get(term.p); t && ancestors.length < 20; t = this.terms.get(t.p)) ancestors.unshift(t);
    const kids = (children.get(slug) || []).filter((c) => servicesUnder(c.s).size);
    const listed = this.sortByName(records.filter((r) => ids.has(r.i) && (!this.keep || this.keep(r))));
    return {
      title: plain(term.n),
      html: `<nav class="crumbs" aria-label="${esc(this.s.breadcrumb)}"><ol>
  <li><a href="${this.url('')}">${esc(this.s.home)}</a></li>
  ${ancestors.map((a) => `<li><a href="${this.url(`categories/${a.s}`)}">${ltext(a.n)}</a></li>`).join('')}
</ol></nav>
<h1>${ltext(term.n)}</h1>
${kids.length ? `<h2 class="visually-hidden">${esc(this.s.moreSpecific)}</h2>
<ul class="chips">${kids.map((c) => `<li><a href="${this.url(`categories/${c.s}`)}">${ltext(c.n)} <span class="count">${servicesUnder(c.s).size}</span></a></li>`).join('')}</ul>` : ''}
<h2 class="count-line">${esc(this.plural(this.s.services, this.keep ? listed.length : ids.size))}</h2>
${this.results(listed)}`,
    };
  }

  search(records, rawQuery) {
    const query = rawQuery.slice(0, SEARCH_MAX_QUERY).trim();
    const input = document.getElementById('q');
    if (input) input.value = query;
    if (!query) return { title: this.s.search, html: `<h1>${esc(this.s.search)}</h1><p>${esc(this.s.typeWhat)}</p>` };
    const found = (this.found || searchIndex(buildIndex(records, this.terms), query, this.collator))
      .filter((r) => !this.keep || this.keep(r));
    const title = format(this.s.searchQuery, { query });
    if (found.length) {
      return { title, html: `<h1>${esc(this.plural(this.s.results, found.length, { query }))}</h1>\n${this.results(found)}` };
    }
    const { children, servicesUnder } = this.tree(records);
    const top = (children.get(null) || []).filter((t) => servicesUnder(t.s).size);
    return {
      title,
      html: `<h1>${esc(format(this.s.noResults, { query }))}</h1>
<div class="empty">
  <p>${esc(this.s.tryFewer)}</p>
  <p><a class="btn call" href="tel:${esc(this.s.helpline)}">${icon('phone')}<span>${esc(this.s.callHelp)}</span></a></p>
  ${top.length ? `<h2>${esc(this.s.browse)}</h2><ul class="chips">${top.map((t) => `<li><a href="${this.url(`categories/${t.s}`)}">${ltext(t.n)}</a></li>`).join('')}</ul>` : ''}
</div>`,
    };
  }

  week(schedules) {
    const days = weekHours(schedules, dayNumber(this.now, this.tz));
    if (!days.some((d) => d.ranges.length || d.open24)) return `<p>${esc(this.s.noHours)}</p>`;
    const rows = days.map((d, n) => {
      let cell;
      if (d.closed) cell = esc(this.s.holiday);
      else if (d.open24) cell = esc(this.s.open24);
      else if (d.ranges.length) cell = d.ranges.map(([o, c]) => `<bdi>${esc(this.clock(o))}–${esc(this.clock(c))}</bdi>`).join(', ');
      else cell = esc(this.s.closed);
      const name = esc(this.weekdayOf(d.day * 86400000, 'UTC'));
      return `<tr${n === 0 ? ' class="today"' : ''}><th scope="row">${name}${n === 0 ? ` <span class="tag">${esc(this.s.today)}</span>` : ''}</th>
<td>${cell}</td></tr>`;
    });
    return `<table class="week">
<caption class="visually-hidden">${esc(this.s.weekCaption)}</caption>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
  }

  location(l) {
    const g = l.g;
    const lat6 = g && g[0].toFixed(6);
    const lon6 = g && g[1].toFixed(6);
    const lat5 = g && g[0].toFixed(5);
    const lon5 = g && g[1].toFixed(5);
    return `<section class="location">
<h2>${l.n ? ltext(l.n) : esc(this.s.location)}</h2>
${l.a && l.a.length ? `<address><bdi dir="ltr">${l.a.map(esc).join('<br>')}</bdi></address>` : ''}
${g ? `<p class="row"><a class="btn" href="geo:${lat6},${lon6}?q=${lat6},${lon6}">${icon('map')}<span>${esc(this.s.directions)}</span></a>
<a class="btn quiet" href="https://www.openstreetmap.org/?mlat=${lat5}&amp;mlon=${lon5}#map=17/${lat5}/${lon5}" rel="noreferrer noopener">${esc(this.s.mapSite)}</a></p>` : ''}
${l.r ? `<p>${esc(this.s.gettingThere)} ${ltext(l.r)}</p>` : ''}
${(l.c || []).map((a) => `<p>${ltext(a)}</p>`).join('')}
${(l.p || []).filter((p) => p.t !== 'fax').map((p) => `<p>${this.phoneLink(p)}</p>`).join('')}
${l.h && l.h.length ? `<h3>${esc(this.s.locationHours)}</h3>${this.week(l.h)}` : ''}
</section>`;
  }

  service(r) {
    const s = this.s;
    const t = r.t || {};
    const crumbs = (r.c || []).map((slug) => this.terms.get(slug)).filter(Boolean);
    const callable = (r.p || []).filter((p) => p.t !== 'fax');
    const [minAge, maxAge] = r.a || [null, null];
    let ages = '';
    if (minAge !== null && maxAge !== null) ages = format(s.agesBoth, { min: minAge, max: maxAge });
    else if (minAge !== null) ages = format(s.agesMin, { min: minAge });
    else if (maxAge !== null) ages = format(s.agesMax, { max: maxAge });
    const website = r.w ? r.w.replace(/^https:\/\//, '').replace(/^http:\/\//, '').replace(/\/+$/, '') : '';
    const html = `<article class="service">
${crumbs.length ? `<nav class="crumbs" aria-label="${esc(s.categories)}"><ol>${crumbs.map((c) => `<li><a href="${this.url(`categories/${c.s}`)}">${ltext(c.n)}</a></li>`).join('')}</ol></nav>` : ''}
<h1>${ltext(r.n)}</h1>
${r.o ? `<p class="org">${ltext(r.o)}</p>` : ''}
${(r.fb || []).map((code) => `<p class="fallback">${esc(format(s.fallback, { language: s.languageNames[code] || code }))}</p>`).join('\n')}
${r.s ? `<p class="alert" role="status">${esc(format(s.notOffered, { status: s.statusNames[r.s] || r.s, number: s.helpline }))}</p>` : ''}
${t.al ? `<div class="alert">${paragraphs(t.al)}</div>` : ''}
${this.statusBadge(r)}
${callable.length ? `<ul class="actions">
${callable.map((p) => `<li>${this.phoneLink(p)}${p.c ? `<small>${ltext(p.c)}</small>` : ''}</li>
${p.m ? `<li><a class="btn" href="sms:${esc(p.e)}">${icon('sms')}<span>${esc(s.text)} <bdi dir="ltr">${esc(p.d)}</bdi></span></a></li>` : ''}`).join('\n')}
</ul>` : ''}
${t.de ? `<section><h2>${esc(s.about)}</h2>${paragraphs(t.de)}</section>` : ''}
<section>
<h2>${esc(s.who)}</h2>
${t.el ? paragraphs(t.el) : `<p>${esc(s.noEligibility)}</p>`}
${ages ? `<p>${esc(ages)}</p>` : ''}
</section>
<section>
<h2>${esc(s.cost)}</h2>
${r.f ? `<p class="free">${esc(s.free)}</p>` : ''}
${(r.k || []).map((c) => `<p>${esc(c)}</p>`).join('')}
${t.fe ? paragraphs(t.fe) : (!r.f && !(r.k || []).length ? `<p>${esc(s.askCost)}</p>` : '')}
</section>
${t.ap ? `<section><h2>${esc(s.how)}</h2>${paragraphs(t.ap)}</section>` : ''}
${r.g && r.g.length ? `<section><h2>${esc(s.spoken)}</h2><p>${esc(r.g.join(', '))}</p>${t.is ? paragraphs(t.is) : ''}</section>` : ''}
<section>
<h2>${esc(s.hours)}</h2>
${this.week(r.h)}
</section>
${(r.l || []).map((l) => this.location(l)).join('\n')}
${r.w || r.e ? `<section><h2>${esc(s.online)}</h2>
${r.w ? `<p><a href="${esc(r.w)}" rel="noreferrer noopener">${icon('web')}<bdi dir="ltr">${esc(website)}</bdi></a></p>` : ''}
${r.e ? `<p><a href="mailto:${esc(r.e)}">${icon('mail')}<bdi dir="ltr">${esc(r.e)}</bdi></a></p>` : ''}
</section>` : ''}
<footer class="verified">
<p>${r.d ? esc(format(s.verified, { date: this.longDate(r.d) })) : esc(s.notVerified)}</p>
<p><a class="btn quiet" href="${this.url(`services/${r.i}/report`)}">${icon('flag')}<span>${esc(s.report)}</span></a></p>
</footer>
</article>`;
    return { title: plain(r.n), html };
  }

  notSaved() {
    return { title: this.s.notSavedTitle, html: `<h1>${esc(this.s.notSavedTitle)}</h1><p>${esc(this.s.notSaved)}</p>` };
  }
}

/** Which directory page a path names: {name, arg}, or null for pages only the server has. */
export function routeOf(pathname, search) {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 1) return { name: 'home' };
  if (parts.length === 3 && parts[1] === 'categories') return { name: 'category', arg: parts[2] };
  if (parts.length === 2 && parts[1] === 'search') return { name: 'search', arg: new URLSearchParams(search).get('q') || '' };
  if (parts.length === 3 && parts[1] === 'services') return { name: 'service', arg: parts[2] };
  return null;
}

// The filters in the URL (filters.js), as the server applies them; "near" a chosen place sorts by distance.
async function applyFilters(page, lang, records, where) {
  const f = parseFilters(where.search);
  if (!filtersActive(f)) return;
  const data = await savedSearchDataOnPage(lang);
  const under = f.category ? page.tree(records).servicesUnder(f.category) : null;
  const at = filterMoment(f, page.now, page.tz, dayNumber, toInstant);
  const place = f.near ? (data.places || []).find((p) => p.i === f.near) : null;
  const distances = new Map(place ? records.map((r) => [r.i, recordDistance(r, place.g)]) : []);
  page.keep = (r) => recordMatches(r, f, { facts: data.services || {}, under, now: page.now, at, tz: page.tz })
    && (!f.within || (distances.get(r.i) !== null && distances.get(r.i) <= f.within));
  if (place && f.sort === 'distance') {
    const far = (r) => (distances.get(r.i) === null ? Infinity : distances.get(r.i));
    page.sortByName = (list) => list.sort((a, b) => far(a) - far(b));
    if (page.found) page.found.sort((a, b) => far(a) - far(b));
  }
}

/** Render the page at `location` from the saved dataset into `main`; false when it is not saved. */
export async function renderPage(main, lang, dataset, strings, where = window.location) {
  const route = routeOf(where.pathname, where.search);
  const page = new Page(lang, dataset || { terms: [], info: {} }, strings);
  let result = null;
  if (dataset && route) {
    if (route.name === 'service') {
      const record = await getService(lang, route.arg);
      result = record ? page.service(record) : null;
    } else {
      const records = await allServices(lang);
      if (route.name === 'search' && route.arg.trim()) {
        const answer = await searchAll(lang, route.arg.slice(0, SEARCH_MAX_QUERY));
        if (answer && !answer.notReady && answer.ids) {
          const byId = new Map(records.map((r) => [r.i, r]));
          page.found = answer.ids.map((id) => byId.get(id)).filter(Boolean);
        }
      }
      if (route.name === 'category' || route.name === 'search') await applyFilters(page, lang, records, where);
      if (route.name === 'home') result = page.home(records);
      if (route.name === 'category') result = page.category(records, route.arg);
      if (route.name === 'search') result = page.search(records, route.arg);
    }
  }
  const shown = result || page.notSaved();
  main.innerHTML = shown.html;
  document.title = `${shown.title} · Passerelle`;
  return Boolean(result);
}
