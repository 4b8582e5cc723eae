import type { Locale } from '../../domain/locales.ts';
import { html, type SafeHtml } from '../html.ts';
import { t } from '../i18n/index.ts';
import { localePath } from '../locale.ts';
import { type Assets, page } from './layout.ts';

export const OPENAPI_PATH = '/api/v1/openapi.json';

/** The parts of an OpenAPI 3.1 document this page reads; everything is optional because it is not ours. */
interface OpenApiParameter {
  name?: string;
  in?: string;
  required?: boolean;
  description?: string;
  schema?: { type?: string | string[]; enum?: unknown[]; description?: string };
}
interface OpenApiOperation {
  summary?: string;
  description?: string;
  parameters?: OpenApiParameter[];
  responses?: Record<string, { description?: string }>;
}
export interface OpenApiDocument {
  info?: { title?: string; description?: string; version?: string };
  paths?: Record<string, Record<string, OpenApiOperation>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function typeText(param: OpenApiParameter): string {
  const type = param.schema?.type;
  const base = Array.isArray(type) ? type.join(' | ') : (type ?? '');
  const values = param.schema?.enum;
  return values?.length ? `${base}: ${values.map(String).join(', ')}` : base;
}

function anchor(method: string, path: string): string {
  return `${method}-${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}`;
}

function operation(locale: Locale, method: string, path: string, op: OpenApiOperation): SafeHtml {
  const a = t(locale).m.api;
  const params = op.parameters ?? [];
  const id = anchor(method, path);
  return html`<section class="endpoint" aria-labelledby="${id}">
    <h3 id="${id}"><span class="endpoint__method endpoint__method--${method}">${method.toUpperCase()}</span> <code>${path}</code></h3>
    ${op.summary ? html`<p lang="en">${op.summary}</p>` : ''}
    ${op.description ? html`<p lang="en">${op.description}</p>` : ''}
    ${
      params.length
        ? html`<div class="table-scroll" role="region" tabindex="0" aria-labelledby="${id}"><table class="params">
      <caption>${a.parameters}</caption>
      <thead><tr><th scope="col">${a.parameter}</th><th scope="col">${a.location}</th><th scope="col">${a.type}</th><th scope="col">${a.description}</th></tr></thead>
      <tbody>${params.map(
        (p) => html`<tr>
        <th scope="row"><code>${p.name ?? ''}</code>${p.required ? html` <span class="required">(${a.required})</span>` : ''}</th>
        <td>${p.in ?? ''}</td>
        <td><code>${typeText(p)}</code></td>
        <td lang="en">${p.description ?? p.schema?.description ?? ''}</td>
      </tr>`,
      )}</tbody>
    </table></div>`
        : ''
    }
    ${
      op.responses
        ? html`<h4>${a.responses}</h4><ul class="responses">${Object.entries(op.responses).map(
            ([code, response]) =>
              html`<li><code>${code}</code> <span lang="en">${response.description ?? ''}</span></li>`,
          )}</ul>`
        : ''
    }
  </section>`;
}

export function renderApiDocs(
  assets: Assets,
  locale: Locale,
  origin: string,
  doc: OpenApiDocument | null,
): SafeHtml {
  const tr = t(locale);
  const a = tr.m.api;
  const [beforeGeo = '', rest = ''] = a.intro.split('{geojson}');
  const [middle = '', after = ''] = rest.split('{openapi}');
  const operations = Object.entries(doc?.paths ?? {})
    .filter(([path]) => path.startsWith('/api/'))
    .flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m] as OpenApiOperation })),
    );
  const body = html`<main id="main" class="simple-page api-docs">
  <h1>${a.heading}</h1>
  <p>${beforeGeo}<a href="https://geojson.org/">GeoJSON</a>${middle}<a href="${OPENAPI_PATH}">OpenAPI</a>${after}</p>
  ${doc?.info?.description ? html`<p lang="en">${doc.info.description}</p>` : ''}
  ${
    operations.length
      ? html`<nav aria-labelledby="h-endpoints"><h2 id="h-endpoints">${a.endpoints}</h2><ul class="endpoint-index">${operations.map(
          ({ path, method }) =>
            html`<li><a href="#${anchor(method, path)}"><span class="endpoint__method endpoint__method--${method}">${method.toUpperCase()}</span> <code>${path}</code></a></li>`,
        )}</ul></nav>
        ${operations.map(({ path, method, op }) => operation(locale, method, path, op))}`
      : html`<p class="notice notice--warning">${a.noDocument}</p>`
  }
</main>`;
  return page({
    tr,
    title: `${a.heading} · Kvartal`,
    localeHref: (l) => localePath(l, 'api'),
    origin,
    canonicalPath: localePath(locale, 'api'),
    body,
    pageClass: 'page-simple',
    assets: { ...assets, script: null },
  });
}
