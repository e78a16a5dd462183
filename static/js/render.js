/**
 * Draw the directory pages from the data saved on this phone with the server's own templates
 * (templates/shared/, drawn by draw.js): home, a category, search results, a service. This module
 * only gathers what they show from the saved records: the categories' tree, the filters and the
 * search (the moment), the page of a long list.
 */
import { dayNumber, toInstant } from './hours.js';
import { drawer, iconOf } from './draw.js';
import { moment } from './moment.js';
import {
  FILTER_DAYS, filterMoment, filterParams, filterWithout, filtersActive, parseFilters, recordDistance, recordMatches,
} from './filters.js';
import { byName } from './textnorm.js';
import { nearMeDistance, startNearMe } from './near-me.js';
import { format } from './status-line.js';
import { allServices, getService } from './store.js';
import { savedSearchDataOnPage, searchAll } from './search-client.js';
import { decodeIds, smsBody } from './referral.js';

const SEARCH_MAX_QUERY = 200;
const CHIPS = ['category', 'open', 'day', 'speaks', 'free', 'age', 'access', 'near', 'within']; // directory.CHIPS

function plain(t) {
  return Array.isArray(t) ? t[0] : (t || '');
}

const byCode = (a, b) => ((a.k || '') < (b.k || '') ? -1 : (a.k || '') > (b.k || '') ? 1 : 0);

// The strings the shell adds for the filters and "Near me" (offline/shell.html).
function filterStringsOnPage() {
  const element = document.getElementById('filter-strings');
  return element ? JSON.parse(element.textContent) : {};
}

class Page {
  constructor(lang, dataset, strings, filterStrings = {}) {
    this.lang = lang;
    this.dataset = dataset;
    this.s = strings;
    this.fs = filterStrings;
    this.filter = null; // the filters in the URL and what they need (applyFilters), on category and search pages
    this.pageNo = 1; // of a long list, as ?page= says (directory.page_number)
    this.tz = (dataset.info && dataset.info.timezone) || 'UTC';
    this.now = Date.now();
    this.terms = new Map(dataset.terms.map((t) => [t.s, t]));
    this.draw = drawer(lang, strings);
    this.at = { now: this.now, tz: this.tz, lang, base: filterStrings.base || 'en', s: strings };
  }

  url(path) {
    return `/${this.lang}/${path}`;
  }

  /** Result cards, each with its moment and, near a chosen place, its distance. */
  cards(records) {
    return records.map((r) => {
      const km = this.filter && this.filter.place ? this.filter.distances.get(r.i) : null;
      return { r, m: moment(r, this.at, { distance: km === null || km === undefined ? null : nearMeDistance(km) }) };
    });
  }

  /** The records of this page: the server's PAGE_SIZE at a time. */
  onePage(records) {
    const size = this.fs.pageSize || 25;
    return records.slice((this.pageNo - 1) * size, this.pageNo * size);
  }

  /** The pager (directory.pager): {page, pages, previous, next}, the links keeping the filters and `args`. */
  paging(path, args, total) {
    const pages = Math.max(1, Math.ceil(total / (this.fs.pageSize || 25)));
    const link = (n) => `${this.url(path)}?${new URLSearchParams([['page', String(n)], ...(this.filter ? filterParams(this.filter.f) : []), ...args])}`;
    return { page: this.pageNo, pages, previous: this.pageNo > 1 ? link(this.pageNo - 1) : null, next: this.pageNo < pages ? link(this.pageNo + 1) : null };
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
    const populated = (parent) => (children.get(parent) || []).filter((t) => servicesUnder(t.s).size);
    return { children, servicesUnder, populated };
  }

  /** A URL on this page with these filters (and the page's own arguments, such as q). */
  filterUrl(path, args, f) {
    const params = new URLSearchParams([...args, ...filterParams(f)]).toString();
    return `${this.url(path)}${params ? `?${params}` : ''}`;
  }

  /** The chosen filters as [filter, link that removes it], as directory.filter_links (shared/macros.html names them). */
  activeFilters(path, args) {
    const { f } = this.filter;
    const present = new Set(filterParams(f, true).map(([name]) => name));
    if (f.time) present.add('day'); // one chip for day and time
    return CHIPS.filter((name) => present.has(name)).map((name) => [name, this.filterUrl(path, args, filterWithout(f, name))]);
  }

  /** What shared/filters.html draws (directory.filter_form), and the chosen filters' chips. */
  filterContext(path, args, { categories = false } = {}) {
    if (!this.filter) return { form: { f: {}, days: [], languages: [], places: [], distances: [], categories: [] }, chips: [] };
    const { f, data } = this.filter;
    let rows = [];
    if (categories) {
      const { populated } = this.tree(this.records);
      rows = populated(null).sort(byCode).flatMap((t) => [[t.s, plain(t.n), 0], ...populated(t.s).map((c) => [c.s, plain(c.n), 1])]);
    }
    // [code, name, language of the name where it is not the page's] (search_data.document).
    const languages = (data.languages || []).map(([code, name, lang]) => [code, lang ? [name, lang] : name]);
    return {
      form: {
        f: {
          category: f.category, open_now: f.openNow, day: f.day === undefined ? null : FILTER_DAYS[f.day], time: f.time,
          speaks: f.speaks, free: f.free, age: f.age, wheelchair: f.wheelchair, near: f.near,
          within: f.within ? String(f.within) : null, sort: f.sort,
        },
        action: this.filterUrl(path, args, {}), clear_url: this.filterUrl(path, args, {}),
        query: (args.find(([name]) => name === 'q') || [null, ''])[1], ignored: Boolean(f.ignored && f.ignored.length),
        active: filtersActive(f), categories: rows,
        category_name: this.terms.has(f.category) ? plain(this.terms.get(f.category).n) : f.category, days: this.fs.days,
        languages, places: (data.places || []).map((p) => ({ id: p.i, name: p.n, kind: p.k, geo: p.g.join(',') })),
        times: this.fs.times || [], ages: this.fs.ages || [], sorts: this.fs.sorts || [], distances: this.fs.distances || [],
      },
      chips: this.activeFilters(path, args),
    };
  }

  /** The chosen category's neighbours, else the top level: directory.related_categories. */
  relatedCategories(records) {
    const { populated } = this.tree(records);
    const term = this.filter && this.filter.f.category ? this.terms.get(this.filter.f.category) : null;
    if (term) {
      const parent = this.terms.has(term.p) ? term.p : null;
      const related = [...(parent ? [this.terms.get(parent)] : []), ...populated(parent)].filter((t) => t.s !== term.s);
      if (related.length) return related;
    }
    return populated(null).sort(byCode);
  }

  home(records) {
    const { servicesUnder, populated } = this.tree(records);
    const categories = populated(null).sort(byCode)
      .map((t) => ({ slug: t.s, name: t.n, count: servicesUnder(t.s).size, icon: iconOf(t.s) }));
    return { title: this.s.findHelp, html: this.draw('shared/home.html', { categories }) };
  }

  category(records, slug) {
    const term = this.terms.get(slug);
    if (!term) return null;
    const { servicesUnder, populated } = this.tree(records);
    const ids = servicesUnder(slug);
    const ancestors = [];
    for (let t = this.terms.get(term.p); t && ancestors.length < 20; t = this.terms.get(t.p)) ancestors.unshift(t);
    const listed = this.ordered(byName(records.filter((r) => ids.has(r.i) && (!this.keep || this.keep(r)))));
    const path = `categories/${slug}`;
    const total = this.keep ? listed.length : ids.size;
    return {
      title: plain(term.n),
      html: this.draw('shared/category.html', {
        term: { slug, name: term.n }, ancestors: ancestors.map((a) => ({ slug: a.s, name: a.n })),
        children: populated(slug).map((c) => ({ slug: c.s, name: c.n, count: servicesUnder(c.s).size })),
        total, cards: this.cards(this.onePage(listed)), paging: this.paging(path, [], total), ...this.filterContext(path, []),
      }),
    };
  }

  /** Nearest first where the person chose a place and "Distance" (stable: ties keep their order). */
  ordered(list) {
    return this.far ? list.sort((a, b) => this.far(a) - this.far(b)) : list;
  }

  search(records, rawQuery) {
    const query = rawQuery.slice(0, SEARCH_MAX_QUERY).trim();
    const input = document.getElementById('q');
    if (input) input.value = query;
    const args = query ? [['q', query]] : [];
    const keep = (r) => !this.keep || this.keep(r);
    const found = !query && !this.keep ? [] : this.ordered(query ? (this.found || []).filter(keep) : byName(records.filter(keep)));
    const suggestions = found.length ? [] : this.relatedCategories(records).map((t) => ({ slug: t.s, name: t.n }));
    return {
      title: query ? format(this.s.searchQuery, { query }) : this.s.search,
      html: this.draw('shared/search.html', {
        query, corrected: this.corrected, total: found.length, cards: this.cards(this.onePage(found)), paging: this.paging('search', args, found.length),
        suggestions, ...this.filterContext('search', args, { categories: true }),
      }),
    };
  }

  service(r) {
    const names = Object.fromEntries(this.dataset.terms.map((t) => [t.s, t.n]));
    return { title: plain(r.n), html: this.draw('shared/service.html', { r, m: moment(r, this.at, { page: true }), names }) };
  }

  /** A referral sheet (lists.sheet) from its token and the saved records. */
  async sheet(token) {
    const title = this.s.catalogue['Referral sheet'] || 'Referral sheet';
    const ids = await decodeIds(token);
    if (!ids) return { title, html: this.draw('shared/sheet.html', { damaged: true, items: [], missing: 0, token }) };
    const unique = [...new Set(ids)];
    const items = (await Promise.all(unique.map((id) => getService(this.lang, id)))).filter(Boolean)
      .map((r) => ({ r, m: moment(r, this.at, { line: true }), phone: (r.p || []).find((p) => p.t !== 'fax' && p.e) || null }));
    const link = `${window.location.origin}/${this.lang}/r/${token}`;
    const body = smsBody(items.map((i) => [plain(i.r.n), i.phone ? i.phone.d : '']), link);
    return {
      title,
      html: this.draw('shared/sheet.html', { damaged: false, items, missing: unique.length - items.length, token, link, sms_body: body }),
    };
  }

  notSaved() {
    return { title: this.s.catalogue['Not available offline'], html: this.draw('shared/not_saved.html', {}) };
  }
}

/** Which directory page a path names: {name, arg}, or null for pages only the server has. */
export function routeOf(pathname, search) {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 1) return { name: 'home' };
  if (parts.length === 3 && parts[1] === 'categories') return { name: 'category', arg: parts[2] };
  if (parts.length === 2 && parts[1] === 'search') return { name: 'search', arg: new URLSearchParams(search).get('q') || '' };
  if (parts.length === 3 && parts[1] === 'services') return { name: 'service', arg: parts[2] };
  if (parts.length === 3 && parts[1] === 'r') return { name: 'sheet', arg: parts[2] };
  return null;
}

// The filters in the URL (filters.js), as the server applies them; "near" a chosen place measures, and may sort.
async function applyFilters(page, lang, records, where) {
  const data = await savedSearchDataOnPage(lang);
  const known = {
    categories: new Set(page.dataset.terms.map((t) => t.s)),
    languages: data.languages ? new Set(data.languages.map(([code]) => code)) : undefined,
    places: data.places && data.places.length ? new Set(data.places.map((p) => p.i)) : undefined,
  };
  const f = parseFilters(where.search, known);
  const place = f.near ? (data.places || []).find((p) => p.i === f.near) : null;
  const distances = new Map(place ? records.map((r) => [r.i, recordDistance(r, place.g)]) : []);
  page.records = records;
  page.filter = { f, data, place, distances };
  if (!filtersActive(f)) return;
  const under = f.category ? page.tree(records).servicesUnder(f.category) : null;
  const at = filterMoment(f, page.now, page.tz, dayNumber, toInstant);
  page.keep = (r) => recordMatches(r, f, { facts: data.services || {}, under, now: page.now, at, tz: page.tz })
    && (!f.within || (distances.get(r.i) !== null && distances.get(r.i) <= f.within));
  if (place && f.sort === 'distance') page.far = (r) => (distances.get(r.i) === null ? Infinity : distances.get(r.i));
}

/** Render the page at `location` from the saved dataset into `main`; false when it is not saved. */
export async function renderPage(main, lang, dataset, strings, where = window.location) {
  const route = routeOf(where.pathname, where.search);
  const page = new Page(lang, dataset || { terms: [], info: {} }, strings, filterStringsOnPage());
  const raw = new URLSearchParams(where.search).get('page') || '1';
  if (/^\d+$/.test(raw) && Number(raw) > 0 && Number(raw) < 10000) page.pageNo = Number(raw);
  let result = null;
  if (dataset && route) {
    if (route.name === 'service') {
      const record = await getService(lang, route.arg);
      result = record ? page.service(record) : null;
    } else if (route.name === 'sheet') {
      result = await page.sheet(route.arg);
    } else {
      const records = await allServices(lang);
      if (route.name === 'search' && route.arg.trim()) {
        const answer = await searchAll(lang, route.arg.slice(0, SEARCH_MAX_QUERY));
        if (answer && !answer.notReady && answer.ids) {
          const byId = new Map(records.map((r) => [r.i, r]));
          page.found = answer.ids.map((id) => byId.get(id)).filter(Boolean);
          page.corrected = answer.corrected;
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
  if (page.filter) startNearMe();
  return Boolean(result);
}
