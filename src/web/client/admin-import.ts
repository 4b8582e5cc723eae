import type { ImportReport } from '../../usecases/import-places.ts';
import type { CategoryChoices } from '../components/category-choices.ts';
import { html } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import { doneView, importBlocked, importLabel, previewView, type ReportView } from './import-report-view.ts';
import {
  type ImportChoices,
  type ImportEvent,
  type ImportOutcome,
  importQuery,
  sendImport,
} from './import-upload.ts';

/** The operator token lives as long as the tab: a reload keeps it, closing the tab forgets it. */
const TOKEN_KEY = 'kvartal.operator-token';
/** A new file starts from these: the choices made for another file do not apply to it. */
const DEFAULT_CHOICES: ImportChoices = {
  categoryMap: {},
  defaultCategory: '',
  duplicates: 'merge',
  partial: false,
};
/** Progress text changes at most this often, so a screen reader is not flooded with numbers. */
const SAY_EVERY_MS = 1000;

function storedToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

function storeToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage may be off in this browser: the token is then typed again after a reload.
  }
}

function readChoices(): CategoryChoices {
  try {
    return JSON.parse(document.getElementById('import-categories')?.textContent ?? '') as CategoryChoices;
  } catch {
    return { groups: [] };
  }
}

function required<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`the import page has no ${selector}`);
  return element;
}

/** A progress line that updates its text at most once a second; the bar follows every event. */
class ProgressLine {
  private said = 0;
  private pending: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly box: HTMLElement,
    private readonly bar: HTMLProgressElement,
    private readonly text: HTMLElement,
  ) {}

  start(message: string): void {
    this.box.hidden = false;
    this.bar.value = 0;
    this.say(message, true);
    this.text.focus();
  }

  fraction(value: number | null): void {
    if (value === null) this.bar.removeAttribute('value');
    else this.bar.value = Math.round(value * 100);
  }

  say(message: string, now = false): void {
    this.pending = message;
    const wait = this.said + SAY_EVERY_MS - Date.now();
    if (now || wait <= 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), wait);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = null;
    this.box.hidden = true;
    this.text.textContent = '';
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending !== null) this.text.textContent = this.pending;
    this.pending = null;
    this.said = Date.now();
  }
}

/**
 * The import page: the form sends the file for a dry run, the preview lets the operator map layers to
 * categories and preview again, and the import button sends the same file and choices for real.
 */
export function initAdminImport(form: HTMLFormElement, tr: Translator): void {
  const m = tr.m.adminImport;
  const tokenInput = required<HTMLInputElement>(form, '#import-token');
  const fileInput = required<HTMLInputElement>(form, '#import-file');
  const submit = required<HTMLButtonElement>(form, 'button[type="submit"]');
  const errorBox = required<HTMLElement>(form, '#import-error');
  const result = required<HTMLElement>(document, '#import-result');
  const progress = new ProgressLine(
    required(document, '#import-progress'),
    required(document, '#import-progress-bar'),
    required(document, '#import-progress-text'),
  );
  const view: ReportView = { tr, choices: readChoices(), placeHref: form.dataset.placeHref ?? '' };
  const mapHref = form.dataset.mapHref ?? '/';
  const numbers = new Intl.NumberFormat(tr.locale);
  const percent = new Intl.NumberFormat(tr.locale, { style: 'percent' });

  let file: File | null = null;
  let report: ImportReport | null = null;
  let busy = false;
  const choices: ImportChoices = { ...DEFAULT_CHOICES, categoryMap: {} };
  // The choices the shown preview was made with: the import button waits for a preview of the current ones.
  const signature = () => JSON.stringify([choices.categoryMap, choices.defaultCategory, choices.duplicates]);
  let previewed = signature();

  document.getElementById('import-nojs')?.setAttribute('hidden', '');
  form.hidden = false;
  tokenInput.value = storedToken();

  const hideError = () => {
    errorBox.hidden = true;
    errorBox.textContent = '';
    for (const input of [tokenInput, fileInput]) input.removeAttribute('aria-invalid');
  };

  const showError = (framing: string, message = '', field: HTMLInputElement | null = null) => {
    errorBox.innerHTML = html`<p><strong>${framing}</strong></p>${
      message
        ? html`<p class="import-error__message">${m.serverSays} <span lang="en">${message}</span></p>`
        : ''
    }`.value;
    errorBox.hidden = false;
    if (field) {
      field.setAttribute('aria-invalid', 'true');
      field.focus();
    } else errorBox.focus();
  };

  const showFailure = (outcome: Exclude<ImportOutcome, { kind: 'report' }>) => {
    switch (outcome.kind) {
      case 'unauthorized':
        storeToken(null);
        return showError(m.errorUnauthorized, outcome.message);
      case 'refused': {
        const { field, message } = outcome;
        return showError(m.errorFile, field && !message.startsWith(field) ? `${field}: ${message}` : message);
      }
      case 'failed':
        return showError(outcome.status >= 500 ? m.errorServer : m.errorRequest, outcome.message);
      case 'network':
        return showError(m.errorNetwork);
    }
  };

  const focusResult = () => document.getElementById('import-result-heading')?.focus();

  const clearResult = () => {
    report = null;
    Object.assign(choices, { ...DEFAULT_CHOICES, categoryMap: {} });
    previewed = signature();
    result.hidden = true;
    result.textContent = '';
  };

  const updateConfirm = () => {
    const button = result.querySelector<HTMLButtonElement>('#import-confirm');
    const reason = result.querySelector<HTMLElement>('#import-blocked');
    if (!report || !button || !reason) return;
    const blocked = importBlocked(tr, report, choices.partial, signature() !== previewed);
    button.textContent = importLabel(tr, report);
    button.disabled = busy || blocked !== null;
    reason.textContent = blocked ?? '';
    reason.hidden = blocked === null;
  };

  const onMappingChange = (target: EventTarget | null) => {
    if (target instanceof HTMLSelectElement && target.dataset.layer !== undefined) {
      const layer = target.dataset.layer;
      if (target.value) choices.categoryMap[layer] = target.value;
      else delete choices.categoryMap[layer];
      // A layer given a category is no longer waiting for one, even before the next preview.
      target.closest('tr')?.classList.toggle('is-unmapped', target.value === '');
      const note = target.getAttribute('aria-describedby');
      if (note) document.getElementById(note)?.toggleAttribute('hidden', target.value !== '');
    } else if (target instanceof HTMLSelectElement && target.name === 'default_category') {
      choices.defaultCategory = target.value;
    } else if (target instanceof HTMLInputElement && target.name === 'duplicates') {
      choices.duplicates = target.value === 'skip' ? 'skip' : 'merge';
    }
    updateConfirm();
  };

  const showPreview = (shown: ImportReport) => {
    result.innerHTML = previewView(view, shown, choices, signature() !== previewed).value;
    result.hidden = false;
    const mapping = result.querySelector<HTMLFormElement>('#import-mapping');
    mapping?.addEventListener('change', (event) => onMappingChange(event.target));
    mapping?.addEventListener('submit', (event) => {
      event.preventDefault();
      void run(true);
    });
    result.querySelector<HTMLInputElement>('#import-partial')?.addEventListener('change', (event) => {
      choices.partial = (event.target as HTMLInputElement).checked;
      updateConfirm();
    });
    result.querySelector('#import-confirm')?.addEventListener('click', () => void run(false));
  };

  const showDone = (done: ImportReport) => {
    result.innerHTML = doneView(view, done, mapHref).value;
    result.hidden = false;
    result.querySelector('#import-another')?.addEventListener('click', () => {
      clearResult();
      fileInput.value = '';
      file = null;
      fileInput.focus();
    });
  };

  const onEvent = (dryRun: boolean, name: string) => {
    const working = tr.format(dryRun ? m.checking : m.importing, { file: name });
    let counting = false;
    return (event: ImportEvent) => {
      if (event.kind === 'upload') {
        const done = event.total > 0 ? Math.min(1, event.loaded / event.total) : 0;
        progress.fraction(done);
        progress.say(tr.format(m.uploading, { file: name, percent: percent.format(done) }));
      } else if (event.kind === 'reading') {
        progress.fraction(null);
        progress.say(working, true);
      } else {
        const { records: count, rate, expected } = event;
        // The server counts a file's records up front when the format allows: then the bar has an end.
        const total = expected && expected >= count ? expected : null;
        progress.fraction(total ? count / total : null);
        const vars = { count: numbers.format(count), rate: numbers.format(rate) };
        const records = total
          ? tr.plural(m.recordsOf, total, { ...vars, total: numbers.format(total) })
          : tr.plural(m.records, count, vars);
        // The first count is said at once (a new phase), later ones at most once a second.
        progress.say(`${working} ${records}`, !counting);
        counting = true;
      }
    };
  };

  async function run(dryRun: boolean): Promise<void> {
    if (busy || !file) return;
    busy = true;
    const token = tokenInput.value.trim();
    storeToken(token);
    hideError();
    result.hidden = true;
    submit.disabled = true;
    const sent = signature();
    progress.start(tr.format(m.uploading, { file: file.name, percent: percent.format(0) }));
    const outcome = await sendImport(
      file,
      token,
      importQuery(file.name, choices, dryRun),
      onEvent(dryRun, file.name),
    );
    busy = false;
    submit.disabled = false;
    progress.stop();
    if (outcome.kind !== 'report') {
      showFailure(outcome);
      // The last preview stays below the message, so the operator can change something and try again.
      if (report) showPreview(report);
      return;
    }
    if (dryRun) {
      report = outcome.report;
      previewed = sent;
      showPreview(report);
    } else {
      report = null;
      showDone(outcome.report);
    }
    focusResult();
  }

  fileInput.addEventListener('change', () => {
    hideError();
    // Another file: the preview, and the layer choices made for the old file, no longer apply.
    clearResult();
    file = null;
  });
  tokenInput.addEventListener('input', () => tokenInput.removeAttribute('aria-invalid'));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    hideError();
    const chosen = fileInput.files?.[0] ?? null;
    if (!tokenInput.value.trim()) return showError(m.needToken, '', tokenInput);
    if (!chosen) return showError(m.needFile, '', fileInput);
    if (chosen !== file) clearResult();
    file = chosen;
    void run(true);
  });
}
