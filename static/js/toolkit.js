/**
 * Issue 7's tools on every page, started by entry.js: quick exit, clearing data, "Save" buttons,
 * the saved-lists page, referral sheets and the report outbox; and the pages of theirs the
 * offline shell draws (saved lists, clear data, the report form).
 */
import { addSaveButtons, drawSavedLists, enhanceSheet } from './lists.js';
import { drawReportForm, enhanceReportForm, sendWaitingReports } from './report-queue.js';
import { wireClearData, wireQuickExit } from './safety.js';
import { getService } from './store.js';

function toolStrings() {
  const element = document.getElementById('lists-strings');
  return element ? JSON.parse(element.textContent) : {};
}

/** Quick exit first: it must work even where nothing else does. */
export function startSafety() {
  wireQuickExit();
}

/** In the offline shell: draw /saved, /clear or a report form; false for other pages. */
export async function drawToolPage(main, lang) {
  const parts = window.location.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const use = (id) => {
    const template = document.getElementById(id);
    if (template) main.replaceChildren(template.content.cloneNode(true));
    return Boolean(template);
  };
  if (parts.length === 2 && parts[1] === 'saved') return use('tpl-saved');
  if (parts.length === 2 && parts[1] === 'clear') return use('tpl-clear');
  if (parts.length === 4 && parts[1] === 'services' && parts[3] === 'report') {
    const record = await getService(lang, parts[2]).catch(() => null);
    if (!record) return false;
    return drawReportForm(main, lang, parts[2], record.n);
  }
  return false;
}

/** Wire whatever tools this page has. */
export async function startTools(lang) {
  const s = toolStrings();
  wireClearData();
  const form = document.querySelector('form.report[data-service-id]');
  if (form) enhanceReportForm(form, s);
  const view = document.getElementById('saved-view');
  if (view) await drawSavedLists(view, lang, s);
  const sheet = document.querySelector('article.sheet');
  if (sheet) await enhanceSheet(sheet, s);
  await addSaveButtons(s);
  document.documentElement.dataset.tools = 'ready';
  await sendWaitingReports(s);
}
