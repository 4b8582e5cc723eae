const rand = () => Math.floor(Math.random() * 250) + 1;

/**
 * A form-posting client with a cookie jar, as a browser without JavaScript would be: it follows no
 * redirects itself, so tests see each 303 and where it leads.
 */
export class FormClient {
  private readonly cookies = new Map<string, string>();
  /** Each client comes from its own address (through the loopback proxy the app trusts), like real people. */
  readonly ip = `10.${rand()}.${rand()}.${rand()}`;
  constructor(readonly base: string) {}

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** Any request with this client's cookies and address (for the JSON API). */
  async request(
    path: string,
    init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const response = await fetch(`${this.base}${path}`, {
      method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
      headers: {
        cookie: this.cookieHeader(),
        'x-forwarded-for': this.ip,
        ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
      redirect: 'manual',
    });
    this.remember(response);
    return response;
  }

  hasSession(): boolean {
    return this.cookies.has('kvartal_session');
  }

  async get(path: string): Promise<{ status: number; text: string; location: string | null }> {
    const response = await fetch(`${this.base}${path}`, {
      headers: { cookie: this.cookieHeader(), 'x-forwarded-for': this.ip },
      redirect: 'manual',
    });
    this.remember(response);
    return {
      status: response.status,
      text: await response.text(),
      location: response.headers.get('location'),
    };
  }

  /** The CSRF token of the first form on a page. */
  async csrfOf(path: string): Promise<string> {
    const page = await this.get(path);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1];
    if (!token) throw new Error(`no form with a CSRF token on ${path} (status ${page.status})`);
    return token;
  }

  /** Posts a form; `csrfFrom` names the page whose form token to send (or `false` to send none). */
  async post(
    path: string,
    fields: Record<string, string | string[]>,
    csrfFrom: string | false = path,
  ): Promise<{ status: number; text: string; location: string | null }> {
    const form = new URLSearchParams();
    if (csrfFrom !== false) form.set('_csrf', await this.csrfOf(csrfFrom));
    for (const [key, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
    }
    const response = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: {
        cookie: this.cookieHeader(),
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': this.ip,
      },
      body: form.toString(),
      redirect: 'manual',
    });
    this.remember(response);
    return {
      status: response.status,
      text: await response.text(),
      location: response.headers.get('location'),
    };
  }
}
