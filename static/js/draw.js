/**
 * Draw the shared templates (templates/shared/) on the phone: Nunjucks' runtime and the templates,
 * compiled at set-up, come in the offline shell's own script (assets "draw"). This module gives them
 * the globals and filters pwa_app/web/shared.py gives Jinja, meaning the same (its table lists them).
 */
/* global nunjucks */
import { formatList, localDigits } from './cldr-format.js';

const escapeHtml = (value) => String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' }[c]));
const fiveDecimals = (v) => v.toFixed(5).replace(/0+$/, '').replace(/\.$/, '');
const keywords = (rest) => (rest.length && rest[rest.length - 1] && rest[rest.length - 1].__keywords ? rest.pop() : {});

/** A record text as HTML, marked with its language where it is not the page's (localize.marked). */
function markedText(t) {
  return Array.isArray(t) ? `<span lang="${escapeHtml(t[1])}" dir="auto">${escapeHtml(t[0])}</span>` : escapeHtml(t);
}

/** The environment for `lang`, with `s` the shell's render strings (views/offline.render_strings). */
export function drawer(lang, s) {
  const safe = (html) => new nunjucks.runtime.SafeString(html);
  const digits = (n) => localDigits(String(n), s.clock.digits);
  // As localize.fill_message: values escaped unless already HTML, whole numbers in the language's digits.
  const fill = (text, values) => safe(text.replace(/%\((\w+)\)[sd]|%%/g, (m, name) => {
    if (!name) return '%';
    const v = values[name];
    if (Number.isInteger(v)) return digits(v);
    return v instanceof nunjucks.runtime.SafeString ? String(v) : escapeHtml(v);
  }));
  const plurals = new Intl.PluralRules(lang.replace('_', '-'));
  const env = new nunjucks.Environment(new nunjucks.PrecompiledLoader(window.nunjucksPrecompiled), { autoescape: true });
  env.addGlobal('_', (message, ...rest) => fill(s.catalogue[message] || message, keywords(rest)));
  env.addGlobal('ngettext', (singular, plural, n, ...rest) => {
    const forms = s.catalogue[singular] || {};
    return fill(forms[plurals.select(n)] || forms.other || (n === 1 ? singular : plural), { num: n, ...keywords(rest) });
  });
  env.addGlobal('page_url', (path) => `/${lang}/${path}`);
  env.addGlobal('language_name', (code) => safe(markedText(s.languageNames[code] || code)));
  env.addGlobal('status_name', (status) => (s.statusNames || {})[status] || status);
  env.addGlobal('helpline', s.helpline);
  env.addFilter('digits', digits);
  env.addFilter('paras', (t) => String(t).split('\n').filter((p) => p.trim()));
  env.addFilter('callable', (phones) => (phones || []).filter((p) => p.t !== 'fax'));
  env.addFilter('named', (slugs, names) => (slugs || []).filter((slug) => slug in names));
  env.addFilter('places', (locations) => (locations || []).filter((l) => l.g).map((l) => `${fiveDecimals(l.g[0])},${fiveDecimals(l.g[1])}`).join(';'));
  env.addFilter('coordinate', (v) => v.toFixed(5));
  env.addFilter('site', (url) => url.replace(/^https:\/\//, '').replace(/^http:\/\//, '').replace(/\/+$/, ''));
  env.addFilter('language_list', (items) => safe(formatList((items || []).map(markedText), s.list, escapeHtml)));
  env.addFilter('quote', (text) => encodeURIComponent(String(text)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
  env.addFilter('choice', (items, code) => {
    if (code === null || code === undefined || code === '') return '';
    const item = (items || []).find((i) => (Array.isArray(i) ? i[0] : i.id) === code);
    const name = item ? (Array.isArray(item) ? item[1] : item.name) : String(code);
    return Array.isArray(name) ? name[0] : name;
  });
  return (name, context) => env.render(name, context);
}

/** The icon a category's card shows: its own where one is compiled in, else the default (shared.icon_of). */
export function iconOf(slug) {
  return window.nunjucksPrecompiled && window.nunjucksPrecompiled[`icons/cat-${slug}.svg`] ? slug : 'default';
}
