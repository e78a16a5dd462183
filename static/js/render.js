/**
 * Draw the directory pages from the data saved on this phone with the server's own templates
 * (templates/shared/, drawn by draw.js): home, a category, search results, a service, a referral
 * sheet. This module only gathers what they show from the saved records: the categories' tree, the
 * page of a long list; the filters (filters.js) and the search (search-client.js) are the moment's.
 */
import { drawer, iconOf } from './draw.js';
import { moment } from './moment.js';
import { applyFilters, filterParams, filterWithout, filtersActive, fitsAge, parseFilters, recordDistance } from './filters.js';
import { openStatus } from './hours.js';
import { byName } from './textnorm.js';
import { nearMeDistance, startNearMe } from './near-me.js';
import { format } from './status-line.js';
import { allServices, getService } from './store.js';
import { savedSearchDataOnPage, searchAll } from './search-client.js';
import { decodeIds, phoneText, sheetPhone, smsBody } from './referral.js';

const SEARCH_MAX_QUERY = 200;
const WHO = ['me', 'child', 'older', 'family']; // present/situations.WHO
const CARDS = 3; // views/situations.CARDS
const AGE_OF = { child: 'child', older: 'senior' }; // views/situations.AGE_OF
const CHIPS = ['category', 'open', 'day', 'speaks', 'free', 'age', 'access', 'near', 'within']; // directory.CHIPS

const plain = (t) => (Array.isArray(t) ? t[0] : (t || ''));
const byCode = (a, b) => ((a.k || '') < (b.k || '') ? -1 : (a.k || '') > (b.k || '') ? 1 : 0);
const link = (t) => ({ slug: t.s, name: t.n });

/** The categories' tree over these records (directory.tree): which have services, and how many. */
function treeOf(terms, records) {
  const direct = new Map();
  for (const r of records) for (const slug of r.c || []) direct.set(slug, [...(direct.get(slug) || []), r.i]);
  const children = new Map();
  for (const t of terms.values()) {
    const parent = terms.has(t.p) ? t.p : null;
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
  const populated = (parent) => (children.get(parent) || []).filter((t) => servicesUnder(t.s).size);
  return { servicesUnder, populated, top: () => populated(null).sort(byCode) };
}

class Page {
  constructor(lang, dataset, strings, filterStrings) {
    Object.assign(this, { lang, dataset, s: strings, fs: filterStrings, pageNo: 1, now: Date.now(), distances: new Map() });
    this.tz = (dataset.info && dataset.info.timezone) || 'UTC';
    this.terms = new Map(dataset.terms.map((t) => [t.s, t]));
    this.draw = drawer(lang, strings);
    this.at = { now: this.now, tz: this.tz, lang, base: filterStrings.base || 'en', s: strings };
  }

  url(path, params = []) {
    const query = new URLSearchParams(params).toString();
    return `/${this.lang}/${path}${query ? `?${query}` : ''}`;
  }

  /** The filters in the URL (filters.js), as the server reads them; `pick` applies them to a list. */
  async readFilters(records, search) {
    const data = await savedSearchDataOnPage(this.lang);
    const known = {
      categories: new Set(this.terms.keys()),
      languages: data.languages ? new Set(data.languages.map(([code]) => code)) : undefined,
      places: data.places && data.places.length ? new Set(data.places.map((p) => p.i)) : undefined,
    };
    const f = parseFilters(search, known);
    const place = f.near ? (data.places || []).find((p) => p.i === f.near) : null;
    const under = f.category ? this.tree.servicesUnder(f.category) : null;
    this.filter = { f, data };
    this.pick = (list) => {
      if (!filtersActive(f)) return list;
      const applied = applyFilters(list, f, { facts: data.services || {}, under, now: this.now, tz: this.tz, place });
      this.distances = applied.distances;
      return applied.records;
    };
  }

  /** The records of this page as result cards (the server's PAGE_SIZE at a time), each with its moment and distance. */
  cards(records) {
    const size = this.fs.pageSize;
    return records.slice((this.pageNo - 1) * size, this.pageNo * size).map((r) => {
      const km = this.distances.get(r.i);
      return { r, m: moment(r, this.at, { distance: km === null || km === undefined ? null : nearMeDistance(km) }) };
    });
  }

  /** The pager (directory.pager): {page, pages, previous, next}, the links keeping the filters and `args`. */
  paging(path, args, total) {
    const pages = Math.max(1, Math.ceil(total / this.fs.pageSize));
    const to = (n) => this.url(path, [['page', String(n)], ...filterParams(this.filter.f), ...args]);
    return { page: this.pageNo, pages, previous: this.pageNo > 1 ? to(this.pageNo - 1) : null, next: this.pageNo < pages ? to(this.pageNo + 1) : null };
  }

  /** What shared/filters.html draws (directory.filter_form), and the chosen filters' chips (directory.filter_links). */
  filterContext(path, args, categories = false) {
    const { f, data } = this.filter;
    const { populated, top } = this.tree;
    const present = new Set([...filterParams(f, true).map(([name]) => name), ...(f.time ? ['day'] : [])]); // one chip for day and time
    return {
      form: { // the shell's words for the choices (filter-strings), then as directory.filter_form
        ...this.fs, f: Object.fromEntries(filterParams(f)), action: this.url(path, args),
        query: (args.find(([name]) => name === 'q') || [null, ''])[1], ignored: Boolean(f.ignored.length), active: filtersActive(f),
        categories: categories ? top().flatMap((t) => [[t.s, plain(t.n), 0], ...populated(t.s).map((c) => [c.s, plain(c.n), 1])]) : [],
        category_name: this.terms.has(f.category) ? plain(this.terms.get(f.category).n) : f.category,
        // [code, name, language of the name where it is not the page's] (search_data.document).
        languages: (data.languages || []).map(([code, name, lang]) => [code, lang ? [name, lang] : name]),
        places: (data.places || []).map((p) => ({ id: p.i, name: p.n, kind: p.k, geo: p.g.join(',') })),
      },
      chips: CHIPS.filter((name) => present.has(name)).map((name) => [name, this.url(path, [...args, ...filterParams(filterWithout(f, name))])]),
    };
  }

  home() {
    const categories = this.tree.top().map((t) => ({ ...link(t), count: this.tree.servicesUnder(t.s).size, icon: iconOf(t.s) }));
    return { title: this.s.findHelp, html: this.draw('shared/home.html', { categories }) };
  }

  category(records, slug) {
    const term = this.terms.get(slug);
    if (!term) return null;
    const { servicesUnder, populated } = this.tree;
    const ids = servicesUnder(slug);
    const ancestors = [];
    for (let t = this.terms.get(term.p); t && ancestors.length < 20; t = this.terms.get(t.p)) ancestors.unshift(t);
    const listed = this.pick(byName(records.filter((r) => ids.has(r.i))));
    const path = `categories/${slug}`;
    return {
      title: plain(term.n),
      html: this.draw('shared/category.html', {
        term: link(term), ancestors: ancestors.map(link), total: listed.length,
        children: populated(slug).map((c) => ({ ...link(c), count: servicesUnder(c.s).size })),
        cards: this.cards(listed), paging: this.paging(path, [], listed.length), ...this.filterContext(path, []),
      }),
    };
  }

  /** When nothing is found: the chosen category's neighbours, else the top level (directory.related_categories). */
  related() {
    const term = this.terms.get(this.filter.f.category);
    if (term) {
      const parent = this.terms.has(term.p) ? term.p : null;
      const related = [...(parent ? [this.terms.get(parent)] : []), ...this.tree.populated(parent)].filter((t) => t.s !== term.s);
      if (related.length) return related;
    }
    return this.tree.top();
  }

  search(records, query, answer) {
    const input = document.getElementById('q');
    if (input) input.value = query;
    const args = query ? [['q', query]] : [];
    const found = query ? this.pick(answer.records) : filtersActive(this.filter.f) ? this.pick(byName(records)) : [];
    return {
      title: query ? format(this.s.searchQuery, { query }) : this.s.search,
      html: this.draw('shared/search.html', {
        query, corrected: answer.corrected, total: found.length, cards: this.cards(found), paging: this.paging('search', args, found.length),
        suggestions: found.length ? [] : this.related().map(link), ...this.filterContext('search', args, true),
      }),
    };
  }

  service(r) {
    const names = Object.fromEntries(this.dataset.terms.map((t) => [t.s, t.n]));
    return { title: plain(r.n), html: this.draw('shared/service.html', { r, m: moment(r, this.at, { page: true }), names }) };
  }

  /** The life situations (views/situations.index), from the shell's render strings. */
  situations() {
    const { plan, words } = this.s.situations;
    const listed = plan.situations.map((s) => ({ slug: s.slug, title: words.situations[s.slug].title, danger: s.danger }));
    return { title: this.s.catalogue['What is happening?'], html: this.draw('shared/situations.html', { situations: listed }) };
  }

  /** One situation's plan (views/situations.situation): its needs, for the answers in `search`. */
  async situation(records, slug, search) {
    const { plan, words, numbers } = this.s.situations;
    const s = plan.situations.find((x) => x.slug === slug);
    if (!s) return null;
    const args = new URLSearchParams(search);
    const who = args.get('who') || '';
    const asked = { who: WHO.includes(who) ? who : '', today: args.get('today') === 'yes' ? 'yes' : '', near: (args.get('near') || '').slice(0, 80) };
    const places = (await savedSearchDataOnPage(this.lang)).places || [];
    const place = places.find((p) => p.i === asked.near) || null;
    if (!place) asked.near = '';
    const byCode = new Map(); // a code's category: the first by name (the saved terms' order) with services
    for (const t of this.dataset.terms) if (t.k && !byCode.has(t.k) && this.tree.servicesUnder(t.s).size) byCode.set(t.k, t);
    const needs = [];
    const hidden = [];
    for (const n of needsFor(plan, s, asked)) {
      const term = byCode.get(n.code);
      const ids = term ? this.tree.servicesUnder(term.s) : new Set();
      if (!ids.size) continue;
      const entry = { need: n.need, name: words.needs[n.need], slug: term.s, total: ids.size };
      if (n.hidden) hidden.push({ ...entry, why: words.situations[slug].why[n.need] });
      else needs.push({ ...entry, cards: this.firstCards(records.filter((r) => ids.has(r.i)), place, asked.who) });
    }
    const { title, intro } = words.situations[slug];
    return {
      title,
      html: this.draw('shared/situation.html', {
        s: { slug, danger: s.danger, title, intro }, asked, needs, hidden, numbers,
        places: places.map((p) => ({ id: p.i, name: p.n })),
      }),
    };
  }

  /**
   * A need's first services (views/situations.cards): for a child or an older adult, only those their
   * age can use; open now first, then the nearest to `place`, then by name.
   */
  firstCards(records, place, who) {
    const named = byName(AGE_OF[who] ? records.filter((r) => fitsAge(r, AGE_OF[who])) : records);
    const key = new Map(named.map((r, rank) => {
      const km = place ? recordDistance(r, place.g) : null;
      const open = ['open', 'open24'].includes(openStatus(r.h, this.now, this.tz).state);
      return [r.i, { open, km, rank }];
    }));
    const far = (k) => (k.km === null ? Infinity : k.km);
    const chosen = [...named].sort((a, b) => {
      const x = key.get(a.i);
      const y = key.get(b.i);
      return (y.open - x.open) || (far(x) - far(y)) || (x.rank - y.rank);
    }).slice(0, CARDS);
    return chosen.map((r) => {
      const { km } = key.get(r.i);
      return { r, m: moment(r, this.at, { distance: km === null ? null : nearMeDistance(km) }) };
    });
  }

  /** A referral sheet (lists.sheet) from its token and the saved records. */
  async sheet(token) {
    const title = this.s.catalogue['Referral sheet'] || 'Referral sheet';
    const ids = await decodeIds(token);
    if (!ids) return { title, html: this.draw('shared/sheet.html', { damaged: true, items: [], missing: 0, token }) };
    const unique = [...new Set(ids)];
    const items = (await Promise.all(unique.map((id) => getService(this.lang, id)))).filter(Boolean)
      .map((r) => ({ r, m: moment(r, this.at, { line: true }), phone: sheetPhone(r) }));
    const to = `${window.location.origin}/${this.lang}/r/${token}`;
    const extension = this.s.catalogue['ext. %(ext)s'];
    const body = smsBody(items.map((i) => [plain(i.r.n), phoneText(i.phone, extension)]), to);
    return { title, html: this.draw('shared/sheet.html', { damaged: false, items, missing: unique.length - items.length, token, link: to, sms_body: body }) };
  }
}

/**
 * A situation's needs as the page lists them (present/situations.needs_for, the twin): those for whom
 * the help is, today's first when the help is for today.
 */
export function needsFor(plan, s, asked) {
  let kept = s.needs.filter((n) => !n.who || n.who.includes(asked.who));
  if (asked.today) kept = [...kept.filter((n) => n.today), ...kept.filter((n) => !n.today)];
  return kept.map((n) => ({ need: n.need, code: plan.needs[n.need], hidden: Boolean(n.hidden) }));
}

/** Which directory page a path names: {name, arg}, or null for pages only the server has. */
export function routeOf(pathname, search) {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 1) return { name: 'home' };
  if (parts.length === 2 && parts[1] === 'situations' && pathname.endsWith('/')) return { name: 'situations' };
  if (parts.length === 2 && parts[1] === 'search') return { name: 'search', arg: new URLSearchParams(search).get('q') || '' };
  const names = new Map([['categories', 'category'], ['services', 'service'], ['r', 'sheet'], ['situations', 'situation']]);
  return parts.length === 3 && names.has(parts[1]) ? { name: names.get(parts[1]), arg: parts[2] } : null;
}

/** The search's answer (search-client.js): the saved records found, in order, and the query as corrected. */
async function searchFor(lang, query, records) {
  const answer = query ? await searchAll(lang, query) : null;
  if (!answer || answer.notReady || !answer.ids) return { records: [] };
  const byId = new Map(records.map((r) => [r.i, r]));
  return { records: answer.ids.map((id) => byId.get(id)).filter(Boolean), corrected: answer.corrected };
}

/** Draw the page at `where` from the saved dataset into `main`; false when it is not saved ("not saved" page). */
export async function renderPage(main, lang, dataset, strings, where = window.location) {
  const route = dataset ? routeOf(where.pathname, where.search) : null;
  const filterStrings = JSON.parse(document.getElementById('filter-strings').textContent); // offline/shell.html
  const page = new Page(lang, dataset || { terms: [], info: {} }, strings, filterStrings);
  const raw = new URLSearchParams(where.search).get('page') || '1';
  if (/^\d+$/.test(raw) && Number(raw) > 0 && Number(raw) < 10000) page.pageNo = Number(raw);
  let shown = null;
  if (route && route.name === 'service') {
    const record = await getService(lang, route.arg);
    shown = record ? page.service(record) : null;
  } else if (route && route.name === 'sheet') {
    shown = await page.sheet(route.arg);
  } else if (route && route.name === 'situations') {
    shown = page.situations();
  } else if (route) {
    const records = await allServices(lang);
    page.tree = treeOf(page.terms, records);
    if (route.name === 'category' || route.name === 'search') await page.readFilters(records, where.search);
    if (route.name === 'situation') shown = await page.situation(records, route.arg, where.search);
    if (route.name === 'home') shown = page.home();
    if (route.name === 'category') shown = page.category(records, route.arg);
    if (route.name === 'search') {
      const query = route.arg.slice(0, SEARCH_MAX_QUERY).trim();
      shown = page.search(records, query, await searchFor(lang, query, records));
    }
  }
  const drawn = shown || { title: strings.catalogue['Not available offline'], html: page.draw('shared/not_saved.html', {}) };
  main.innerHTML = drawn.html;
  document.title = `${drawn.title} · Passerelle`;
  if (page.filter) startNearMe();
  return Boolean(shown);
}
