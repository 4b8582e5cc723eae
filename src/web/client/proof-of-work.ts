import { type Challenge, type Solution, solveChallenge, solveChallengeWorkers } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';

/** This server, always: the page policy (connect-src 'self') refuses any other host anyway. */
const CHALLENGE_URL = '/api/v1/challenge';
/** Names the server renders (src/http/anti-spam/honeypot.ts) and reads. */
const SOLUTION_FIELD = 'input[name="altcha"]';
const STATUS = '[data-proof-of-work-status]';
/** A solution this close to its challenge's expiry is made again rather than sent to be refused. */
const EXPIRY_MARGIN_MS = 60_000;
/** Far beyond what a slow phone needs; past it the form goes without a solution, to moderation. */
const SOLVE_TIMEOUT_MS = 30_000;
const MAX_WORKERS = 4;
/** A second click this soon after sending is a double click, not a new submission. */
const RESEND_GUARD_MS = 10_000;

function createWorker(): Worker {
  return new Worker(new URL('./proof-of-work-worker.ts', import.meta.url), { type: 'module' });
}

async function solve(challenge: Challenge): Promise<Solution | null> {
  try {
    const concurrency = Math.min(MAX_WORKERS, navigator.hardwareConcurrency || 1);
    return await solveChallengeWorkers({ challenge, concurrency, createWorker, timeout: SOLVE_TIMEOUT_MS });
  } catch {
    // Without workers the page stays usable too: each step awaits WebCrypto, which computes off this thread.
    return solveChallenge({ challenge, deriveKey, timeout: SOLVE_TIMEOUT_MS });
  }
}

/**
 * One form's proof of work: solved once someone starts on the form (a page may hold forms nobody uses),
 * and awaited on submit if it is not ready yet, with the reason said in the form's live region.
 */
class FormProof {
  private solving: Promise<void> | null = null;
  private expiresAt = 0;
  private failed = false;
  private waiting = false;
  private releasing = false;
  private sentAt = 0;

  constructor(
    private readonly form: HTMLFormElement,
    private readonly field: HTMLInputElement,
    private readonly status: HTMLElement,
  ) {}

  listen(): void {
    this.form.addEventListener('focusin', () => this.prepare());
    this.form.addEventListener('input', () => this.prepare());
    this.form.addEventListener('submit', (event) => this.onSubmit(event));
    // Back from the next page, the page's state is restored: the form may be sent again at once.
    window.addEventListener('pageshow', (event) => {
      if (event.persisted) this.sentAt = 0;
    });
    if (this.form.contains(document.activeElement)) this.prepare();
  }

  private ready(): boolean {
    return this.field.value !== '' && Date.now() < this.expiresAt - EXPIRY_MARGIN_MS;
  }

  private prepare(): void {
    if (!this.ready() && !this.failed && !this.justSent()) void this.solve();
  }

  private justSent(): boolean {
    return Date.now() - this.sentAt < RESEND_GUARD_MS;
  }

  private solve(): Promise<void> {
    this.solving ??= this.fetchAndSolve().finally(() => {
      this.solving = null;
    });
    return this.solving;
  }

  private async fetchAndSolve(): Promise<void> {
    this.field.value = '';
    try {
      const response = await fetch(CHALLENGE_URL, { cache: 'no-store' });
      if (!response.ok) throw new Error(`GET ${CHALLENGE_URL}: ${response.status}`);
      const challenge = (await response.json()) as Challenge;
      const solution = await solve(challenge);
      if (!solution) throw new Error('the proof of work was not solved in time');
      this.field.value = btoa(JSON.stringify({ challenge, solution }));
      this.expiresAt = (challenge.parameters.expiresAt ?? 0) * 1000;
      this.failed = false;
    } catch {
      // Sent without a solution, the form is still accepted (held for moderation): better than not at all.
      this.failed = true;
    }
  }

  private onSubmit(event: SubmitEvent): void {
    if (this.releasing || (this.ready() && !this.waiting)) {
      this.sent();
      return;
    }
    event.preventDefault();
    if (this.waiting || this.justSent()) return;
    this.waiting = true;
    this.status.textContent = this.status.dataset.waiting ?? '';
    const submitter = event.submitter;
    void this.solve().then(() => {
      this.waiting = false;
      this.releasing = true;
      try {
        this.form.requestSubmit(submitter);
      } finally {
        this.releasing = false;
      }
    });
  }

  /** The solution is on its way to be spent: another submission needs a new one. */
  private sent(): void {
    this.sentAt = Date.now();
    this.expiresAt = 0;
  }
}

/** Every `form[data-proof-of-work]` of the page, each with its own challenge. */
export function initProofOfWork(forms: Iterable<HTMLFormElement>): void {
  for (const form of forms) {
    const field = form.querySelector<HTMLInputElement>(SOLUTION_FIELD);
    const status = form.querySelector<HTMLElement>(STATUS);
    if (field && status) new FormProof(form, field, status).listen();
  }
}
