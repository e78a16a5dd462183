/**
 * Draw the directory pages from the data saved on this phone, with the same markup as the
 * server's templates (templates/directory/*.html): home, a category, search results, a service.
 */
import { dayNumber, openStatus, scheduleDescriptions, toInstant, weekHours } from './hours.js';
import { clockParts, dayParts, formatClock, formatList, wallClock } from './cldr-format.js';
import {
  FILTER_DAYS, FILTER_DISTANCES, filterMoment, filterParams, filterWithout, filtersActive, parseFilters, recordDistance,
  recordMatches,
} from './filters.js';
import { buildIndex, searchIndex } from './local-search.js';
import { normalize } from './textnorm.js';
import { nearMeDistance, startNearMe } from './near-me.js';
import { format, formatNumber } from './status-line.js';
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

function primaryLanguage(code) {
  return String(code).replace('_', '-').split('-')[0].toLowerCase();
}

// The strings the shell adds for the filter form, "Near me" and text-only hours (offline/shell.html).
function filterStringsOnPage() {
  const element = document.getElementById('filter-strings');
  return element ? JSON.parse(element.textContent) : {};
}

class Page {
  constructor(lang, dataset, strings, filterStrings = {}) {
    this.lang = lang;
    this.bcp47 = lang.replace('_', '-');
    this.dataset = dataset;
    this.s = strings;
    this.fs = filterStrings;
    this.filter = null; // the filters in the URL and what they need (applyFilters), on category and search pages
    this.pageNo = 1; // of a long list, as ?page= says (directory.page_number)
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

  // Times and dates as the server's Babel writes them (format_time "short", format_date "EEEE" and
  // "long"), from the CLDR patterns and names it sends (cldr-format.js): not the phone's Intl.
  time(ms) {
    return formatClock(this.s.clock, 'time', wallClock(ms, this.tz));
  }

  weekdayOf(ms, tz = this.tz) {
    return formatClock(this.s.clock, 'day', wallClock(ms, tz));
  }

  clock(seconds) {
    return formatClock(this.s.clock, 'time', clockParts(seconds));
  }

  longDate(iso) {
    const [y, m, d] = iso.split('-').map(Number);
    return formatClock(this.s.clock, 'date', dayParts(Math.round(Date.UTC(y, m - 1, d) / 86400000)));
  }

  /** Language names (text, or [text, language]) as the server's localize.list_html joins them. */
  languageList(names) {
    return formatList(names.map((n) => ltext(n)), this.s.list, esc);
  }

  /** "Open now · closes 5:00 PM", as web/pages.open_label says it. */
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

  /** Schedule descriptions are in the data's language (the snapshot carries no translations of them), as Presenter.hours_notes. */
  hoursNotes(schedules) {
    const base = this.fs.base || 'en';
    const fallback = primaryLanguage(this.lang) !== primaryLanguage(base);
    return scheduleDescriptions(schedules).map((text) => (fallback ? [text, base] : text));
  }

  statusBadge(r) {
    const status = openStatus(r.h, this.now, this.tz);
    const notes = status.state === 'unknown' ? this.hoursNotes(r.h) : [];
    const label = notes.length ? notes.map((n) => ltext(n)).join(' · ') : esc(this.openLabel(status));
    return `<p class="hours-now ${status.state}">${icon('clock')}<span>${label}</span></p>`;
  }

  distance(km) {
    return format(this.fs.away || '%(distance)s', { distance: nearMeDistance(this.lang, km) });
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
    const km = this.filter && this.filter.place ? this.filter.distances.get(r.i) : null;
    return `<li class="card"${geo ? ` data-geo="${esc(geo)}"` : ''}>
  <h2><a href="${this.url(`services/${r.i}`)}">${ltext(r.n)}</a></h2>
  ${r.o ? `<p class="org">${ltext(r.o)}</p>` : ''}
  ${this.statusBadge(r)}
  ${km !== null && km !== undefined ? `<p class="distance">${esc(this.distance(km))}</p>` : ''}
  ${r.g && r.g.length ? `<p class="langs-spoken">${format(esc(this.s.languagesList), { list: this.languageList(r.g) })}</p>` : ''}
  ${r.f ? `<p class="free">${esc(this.s.free)}</p>` : ''}
  ${first ? this.phoneLink(first) : ''}
</li>`;
  }

  results(records) {
    return `<ul class="results">${records.map((r) => this.card(r)).join('')}</ul>`;
  }

  /** The records of this page: the server's PAGE_SIZE at a time. */
  onePage(records) {
    const size = this.fs.pageSize || 25;
    return records.slice((this.pageNo - 1) * size, this.pageNo * size);
  }

  /** Links to the previous and next pages (_macros.html pager), with the filters and the page's own arguments. */
  pager(path, args, total) {
    const pages = Math.ceil(total / (this.fs.pageSize || 25));
    if (pages <= 1) return '';
    const href = (n) => {
      const params = new URLSearchParams([['page', String(n)], ...(this.filter ? filterParams(this.filter.f) : []), ...args]);
      return esc(`${this.url(path)}?${params}`);
    };
    const previous = this.pageNo > 1 ? `<a rel="prev" href="${href(this.pageNo - 1)}">${esc(this.fs.previous)}</a>` : '';
    const next = this.pageNo < pages ? `<a rel="next" href="${href(this.pageNo + 1)}">${esc(this.fs.next)}</a>` : '';
    return `<nav class="pager" aria-label="${esc(this.fs.pages)}">
  ${previous}
  <span>${esc(format(this.fs.pageOf, { page: this.pageNo, pages }))}</span>
  ${next}
</nav>`;
  }

  /** name_order.name_key: the shown name without case, accents or punctuation, then as written, then the id. */
  sortByName(records) {
    const keyed = records.map((r) => [normalize(plain(r.n)), plain(r.n), r.i, r]);
    const order = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
    keyed.sort((a, b) => order(a[0], b[0]) || order(a[1], b[1]) || order(a[2], b[2]));
    return keyed.map((k) => k[3]);
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

  /** A URL on this page with these filters (and the page's own arguments, such as q). */
  filterUrl(path, args, f) {
    const params = new URLSearchParams([...args, ...filterParams(f)]).toString();
    return `${this.url(path)}${params ? `?${params}` : ''}`;
  }

  /** The chosen filters as [label, link that removes it], as directory.filter_links. */
  activeFilters(path, args) {
    const { f, data } = this.filter;
    const fs = this.fs;
    const present = new Set(filterParams(f, true).map(([name]) => name));
    if (f.time) present.add('day'); // one chip for day and time
    const named = (list, code) => ((list || []).find(([c]) => c === code) || [null, code])[1];
    const place = () => ((data.places || []).find((p) => p.i === f.near) || { n: f.near }).n;
    const labels = {
      category: () => (this.terms.has(f.category) ? plain(this.terms.get(f.category).n) : f.category),
      open: () => fs.openNow,
      day: () => [f.day === undefined ? null : this.dayName(f.day), f.time ? named(fs.times, f.time) : null]
        .filter(Boolean).join(' · '),
      speaks: () => named(data.languages, f.speaks),
      free: () => fs.free,
      age: () => named(fs.ages, f.age),
      access: () => fs.wheelchair,
      near: () => format(fs.nearPlace, { place: place() }),
      within: () => format(fs.withinDistance, { distance: nearMeDistance(this.lang, f.within) }),
    };
    return Object.keys(labels).filter((name) => present.has(name))
      .map((name) => [labels[name](), this.filterUrl(path, args, filterWithout(f, name))]);
  }

  /** Monday is 0, as filters.DAYS; named as Babel's format_date(…, "EEEE") names days. */
  dayName(n) {
    return formatClock(this.s.clock, 'day', dayParts(4 + n)); // day 4 (1970-01-05) was a Monday
  }

  chip([label, href]) {
    return `<li><a href="${esc(href)}">${esc(label)} <span aria-hidden="true">✕</span><span class="visually-hidden">${esc(this.fs.remove)}</span></a></li>`;
  }

  chips(active, className = 'chips') {
    const named = className === 'chips' ? '' : ` aria-label="${esc(this.fs.filters)}"`;
    const items = active.map((pair) => this.chip(pair)).join('');
    return `<ul class="${className}"${named}>
${items}
</ul>`;
  }

  categorySelect(current) {
    const { children, servicesUnder } = this.tree(this.records);
    const populated = (parent) => (children.get(parent) || []).filter((t) => servicesUnder(t.s).size);
    const top = populated(null).sort((a, b) => ((a.k || '') < (b.k || '') ? -1 : (a.k || '') > (b.k || '') ? 1 : 0));
    const rows = top.flatMap((t) => [[t, 0], ...populated(t.s).map((c) => [c, 1])]);
    if (!rows.length) return '';
    const option = ([t, depth]) => `<option value="${esc(t.s)}"${current === t.s ? ' selected' : ''}>${depth ? '— ' : ''}${esc(plain(t.n))}</option>`;
    return `<label>${esc(this.fs.category)}
    <select name="category"><option value="">${esc(this.fs.allCategories)}</option>
    ${rows.map(option).join('')}
    </select></label>`;
  }

  /** The filter form, "Near me" and the place picker: directory/_filters.html, with the same names and values. */
  filterForm(path, args, { categories = false } = {}) {
    const { f, data } = this.filter;
    const fs = this.fs;
    const active = this.activeFilters(path, args);
    const checked = (yes) => (yes ? ' checked' : '');
    // [code, name], or [code, name, language of the name] where it is not the page's (search_data.document).
    const option = (current) => ([code, name, lang]) => `<option value="${esc(code)}"${lang ? ` lang="${esc(lang)}"` : ''}${current === code ? ' selected' : ''}>${esc(name)}</option>`;
    const options = (list, current) => list.map(option(current)).join('');
    const place = (p) => `<option value="${esc(p.i)}" data-geo="${esc(p.g.join(','))}"${f.near === p.i ? ' selected' : ''}>${esc(p.n)}</option>`;
    const group = ([kind, label]) => `<optgroup label="${esc(label)}">${(data.places || []).filter((p) => p.k === kind).map(place).join('')}</optgroup>`;
    const days = FILTER_DAYS.map((code, n) => [code, this.dayName(n)]);
    const distances = FILTER_DISTANCES.map((km) => [String(km), nearMeDistance(this.lang, km)]);
    const query = args.find(([name]) => name === 'q');
    const hiddenQuery = query ? `<input type="hidden" name="q" value="${esc(query[1])}">` : '';
    const ignored = f.ignored && f.ignored.length ? `<p class="note" role="status">${esc(fs.ignored)}</p>` : '';
    const clear = filtersActive(f) ? ` <a class="btn quiet" href="${esc(this.filterUrl(path, args, {}))}">${esc(fs.clear)}</a>` : '';
    return `${ignored}
${active.length ? this.chips(active, 'chips active-filters') : ''}
<button type="button" class="btn near-me" hidden data-locating="${esc(fs.locating)}" data-failed="${esc(fs.failed)}" data-sorted="${esc(fs.sorted)}" data-away="${esc(fs.away)}">${icon('map')}<span>${esc(fs.nearMe)}</span></button>
<details class="filters"${filtersActive(f) ? ' open' : ''}>
<summary>${esc(fs.filters)}</summary>
<form class="filters" method="get" action="${esc(this.filterUrl(path, args, {}))}">
  ${hiddenQuery}
  ${categories ? this.categorySelect(f.category) : ''}
  <label class="check"><input type="checkbox" name="open" value="now"${checked(f.openNow)}> ${esc(fs.openNow)}</label>
  <fieldset><legend>${esc(fs.openOn)}</legend>
    <select name="day" aria-label="${esc(fs.openOn)}"><option value="">${esc(fs.anyDay)}</option>
    ${options(days, f.day === undefined ? null : FILTER_DAYS[f.day])}
    </select>
    <select name="time" aria-label="${esc(fs.openOn)}"><option value="">${esc(fs.anyTime)}</option>
    ${options(fs.times || [], f.time)}
    </select>
  </fieldset>
  <label>${esc(fs.spoken)}
    <select name="speaks"><option value="">${esc(fs.anyLanguage)}</option>
    ${options(data.languages || [], f.speaks)}
    </select></label>
  <label class="check"><input type="checkbox" name="free" value="1"${checked(f.free)}> ${esc(fs.free)}</label>
  <label>${esc(fs.ageGroup)}
    <select name="age"><option value="">${esc(fs.anyAge)}</option>
    ${options(fs.ages || [], f.age)}
    </select></label>
  <label class="check"><input type="checkbox" name="access" value="wheelchair"${checked(f.wheelchair)}> ${esc(fs.wheelchair)}</label>
  <fieldset class="near"><legend>${esc(fs.near)}</legend>
    <select name="near" aria-label="${esc(fs.near)}"><option value="">${esc(fs.anywhere)}</option>
    ${(fs.kinds || []).map(group).join('\n')}
    </select>
    <select name="within" aria-label="${esc(fs.within)}"><option value="">${esc(fs.anyDistance)}</option>
    ${options(distances, f.within ? String(f.within) : null)}
    </select>
  </fieldset>
  <label>${esc(fs.sortBy)}
    <select name="sort">
    ${options(fs.sorts || [], f.sort)}
    </select></label>
  <p class="row"><button type="submit">${esc(fs.apply)}</button>${clear}</p>
</form>
</details>
<p class="near-status" role="status" aria-live="polite" hidden></p>`;
  }

  /** When nothing matched, "try removing a filter" (or simpler words) and "Call 211", as the server's pages say. */
  emptyBlock(active, { words = false, suggestions = [] } = {}) {
    const s = this.s;
    let advice = '';
    if (active.length) advice = `<p>${esc(this.fs.tryRemoving)}</p>\n  ${this.chips(active)}`;
    else if (words) advice = `<p>${esc(s.tryFewer)}</p>`;
    const link = (t) => `<li><a href="${this.url(`categories/${t.s}`)}">${ltext(t.n)}</a></li>`;
    const browse = suggestions.length ? `<h2>${esc(s.browse)}</h2>
  <ul class="chips">${suggestions.map(link).join('')}</ul>` : '';
    return `<div class="empty">
  ${advice}
  <p><a class="btn call" href="tel:${esc(s.helpline)}">${icon('phone')}<span>${esc(s.callHelp)}</span></a></p>
  ${browse}
</div>`;
  }

  /** The chosen category's neighbours, else the top level: directory.related_categories. */
  relatedCategories(records) {
    const { children, servicesUnder } = this.tree(records);
    const populated = (parent) => (children.get(parent) || []).filter((t) => servicesUnder(t.s).size);
    const term = this.filter && this.filter.f.category ? this.terms.get(this.filter.f.category) : null;
    if (term) {
      const parent = this.terms.has(term.p) ? term.p : null;
      const related = [...(parent ? [this.terms.get(parent)] : []), ...populated(parent)].filter((t) => t.s !== term.s);
      if (related.length) return related;
    }
    return populated(null).sort((a, b) => ((a.k || '') < (b.k || '') ? -1 : (a.k || '') > (b.k || '') ? 1 : 0));
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
    const listed = this.ordered(this.sortByName(records.filter((r) => ids.has(r.i) && (!this.keep || this.keep(r)))));
    const path = `categories/${slug}`;
    const form = this.filter ? this.filterForm(path, []) : '';
    const active = this.filter ? this.activeFilters(path, []) : [];
    return {
      title: plain(term.n),
      html: `<nav class="crumbs" aria-label="${esc(this.s.breadcrumb)}"><ol>
  <li><a href="${this.url('')}">${esc(this.s.home)}</a></li>
  ${ancestors.map((a) => `<li><a href="${this.url(`categories/${a.s}`)}">${ltext(a.n)}</a></li>`).join('')}
</ol></nav>
<h1>${ltext(term.n)}</h1>
${kids.length ? `<h2 class="visually-hidden">${esc(this.s.moreSpecific)}</h2>
<ul class="chips">${kids.map((c) => `<li><a href="${this.url(`categories/${c.s}`)}">${ltext(c.n)} <span class="count">${formatNumber(servicesUnder(c.s).size)}</span></a></li>`).join('')}</ul>` : ''}
<h2 class="count-line">${esc(this.plural(this.s.services, this.keep ? listed.length : ids.size))}</h2>
${form}
${listed.length ? this.results(this.onePage(listed)) : this.emptyBlock(active)}
${this.pager(path, [], listed.length)}`,
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
    const form = this.filter ? this.filterForm('search', args, { categories: true }) : '';
    const active = this.filter ? this.activeFilters('search', args) : [];
    if (!query && !this.keep) return { title: this.s.search, html: `<h1>${esc(this.s.search)}</h1><p>${esc(this.s.typeWhat)}</p>\n${form}` };
    const keep = (r) => !this.keep || this.keep(r);
    const found = this.ordered(query
      ? (this.found || searchIndex(buildIndex(records, this.terms), query, this.collator)).filter(keep)
      : this.sortByName(records.filter(keep)));
    const title = query ? format(this.s.searchQuery, { query }) : this.s.search;
    if (found.length) {
      const heading = query ? this.plural(this.s.results, found.length, { query }) : this.plural(this.s.services, found.length);
      return { title, html: `<h1>${esc(heading)}</h1>\n${form}\n${this.results(this.onePage(found))}\n${this.pager('search', args, found.length)}` };
    }
    return {
      title,
      html: `<h1>${esc(query ? format(this.s.noResults, { query }) : this.plural(this.s.services, 0))}</h1>
${form}
${this.emptyBlock(active, { words: true, suggestions: this.relatedCategories(records) })}`,
    };
  }

  /** The week's hours, then any text-only hours (directory/_week.html). */
  week(schedules) {
    const notes = this.hoursNotes(schedules).map((n) => paragraphs(n)).join('');
    return this.weekTable(schedules, notes) + notes;
  }

  weekTable(schedules, notes) {
    const days = weekHours(schedules, dayNumber(this.now, this.tz));
    if (!days.some((d) => d.ranges.length || d.open24)) return notes ? '' : `<p>${esc(this.s.noHours)}</p>`;
    const rows = days.map((d, n) => {
      let cell;
      if (d.closed) cell = esc(this.s.holiday);
      else if (d.open24) cell = esc(this.s.open24);
      else if (d.ranges.length) cell = d.ranges.map(([o, c]) => `<bdi>${esc(this.clock(o))}–${esc(this.clock(c))}</bdi>`).join(', ');
      else cell = esc(this.s.closed);
      const name = esc(formatClock(this.s.clock, 'day', dayParts(d.day)));
      const tag = n === 0 ? ` <span class="tag">${esc(this.s.today)}</span>` : '';
      return `<tr${n === 0 ? ' class="today"' : ''}><th scope="row">${name}${tag}</th>
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
    const lat5 = g && g[0].toFixed(5);
    const lon5 = g && g[1].toFixed(5);
    // Hoisted out of the template below: the bundle's minifier squeezes spaces out of nested templates.
    const map = g ? `<p class="row"><a class="btn" href="geo:${lat5},${lon5}?q=${lat5},${lon5}">${icon('map')}<span>${esc(this.s.directions)}</span></a>
<a class="btn quiet" href="https://www.openstreetmap.org/?mlat=${lat5}&amp;mlon=${lon5}#map=17/${lat5}/${lon5}" rel="noreferrer noopener">${esc(this.s.mapSite)}</a></p>` : '';
    const gettingThere = l.r ? `<p>${esc(this.s.gettingThere)} ${ltext(l.r)}</p>` : '';
    return `<section class="location">
<h2>${l.n ? ltext(l.n) : esc(this.s.location)}</h2>
${l.a && l.a.length ? `<address><bdi dir="ltr">${l.a.map(esc).join('<br>')}</bdi></address>` : ''}
${map}
${gettingThere}
${(l.c || []).map((a) => `<p>${ltext(a)}</p>`).join('')}
${(l.p || []).filter((p) => p.t !== 'fax').map((p) => `<p>${this.phoneLink(p)}</p>`).join('')}
${l.h && l.h.length ? `<h3>${esc(this.s.locationHours)}</h3>${this.week(l.h)}` : ''}
</section>`;
  }

  actions(p) {
    const sms = p.m ? `<li><a class="btn" href="sms:${esc(p.e)}">${icon('sms')}<span>${esc(this.s.text)} <bdi dir="ltr">${esc(p.d)}</bdi></span></a></li>` : '';
    return `<li>${this.phoneLink(p)}${p.c ? `<small>${ltext(p.c)}</small>` : ''}</li>
${sms}`;
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
${(r.fb || []).map((code) => `<p class="fallback">${format(esc(s.fallback), { language: ltext(s.languageNames[code] || code) })}</p>`).join('\n')}
${r.s ? `<p class="alert" role="status">${esc(format(s.notOffered, { status: s.statusNames[r.s] || r.s, number: s.helpline }))}</p>` : ''}
${t.al ? `<div class="alert">${paragraphs(t.al)}</div>` : ''}
${this.statusBadge(r)}
${callable.length ? `<ul class="actions">
${callable.map((p) => this.actions(p)).join('\n')}
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
${r.g && r.g.length ? `<section><h2>${esc(s.spoken)}</h2><p>${this.languageList(r.g)}</p>${t.is ? paragraphs(t.is) : ''}</section>` : ''}
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
  if (page.filter) startNearMe();
  return Boolean(result);
}
