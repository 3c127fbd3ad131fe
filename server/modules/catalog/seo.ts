/**
 * The public page of a published course, for search engines and link previews: the web app's
 * index.html with the course's <title>, description, Open Graph tags, canonical link and schema.org
 * `Course` JSON-LD written in by the server, in the course's teaching language. The app then starts
 * as on any other page. Everything taken from a course is user text and is escaped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locale } from '../../../common/i18n/locales';
import type { CourseBundle } from './presenter';

const SITE_NAME = 'Nhân Lực';
const DESCRIPTION_LENGTH = 160;

/** The app shell is read once per file: it changes only with a new build, which restarts the server. */
const shells = new Map<string, string>();

const MINIMAL_SHELL =
  '<!doctype html>\n<html lang="vi">\n  <head>\n    <meta charset="UTF-8" />\n    <meta name="viewport" content="width=device-width, initial-scale=1" />\n    <title>Nhân Lực</title>\n  </head>\n  <body>\n    <div id="root"></div>\n  </body>\n</html>\n';

export function appShell(indexHtml = resolve('dist/web/index.html')): string {
  let shell = shells.get(indexHtml);
  if (shell === undefined) {
    shell = existsSync(indexHtml) ? readFileSync(indexHtml, 'utf8') : MINIMAL_SHELL;
    shells.set(indexHtml, shell);
  }
  return shell;
}

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** JSON inside <script>: no "</script>", no "<!--", no line separators that end a JS string. */
const jsonForScript = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

function shorten(text: string, max: number) {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

interface Head {
  lang: Locale;
  title: string;
  description: string;
  extra: string[];
  body: string;
}

/** Writes a page's head into the shell, replacing what the shell had for the same tags. */
function render(shell: string, h: Head) {
  const head = [
    `<title>${escapeHtml(h.title)}</title>`,
    `<meta name="description" content="${escapeHtml(h.description)}" />`,
    ...h.extra,
  ].join('\n    ');
  let html = shell
    .replace(/<title>[\s\S]*?<\/title>\s*/i, '')
    .replace(/<meta\s+name="description"[^>]*>\s*/gi, '')
    .replace(/<meta\s+name="robots"[^>]*>\s*/gi, '')
    .replace(/<meta\s+property="og:[^"]*"[^>]*>\s*/gi, '')
    .replace(/<link\s+rel="canonical"[^>]*>\s*/gi, '');
  html = /<html\b[^>]*\blang="[^"]*"/i.test(html)
    ? html.replace(/(<html\b[^>]*\blang=")[^"]*(")/i, `$1${h.lang}$2`)
    : html.replace(/<html\b/i, `<html lang="${h.lang}"`);
  return html
    .replace(/<\/head>/i, () => `  ${head}\n  </head>`)
    .replace(/<div id="root"><\/div>/i, () => `<div id="root">${h.body}</div>`);
}

const courseModes = { online: 'online', in_person: 'onsite', blended: 'blended' } as const;

export function renderCoursePage(shell: string, b: CourseBundle, appUrl: string) {
  const c = b.course;
  const url = `${appUrl.replace(/\/$/, '')}/courses/${c.slug}`;
  const description = shorten(c.summary || c.title, DESCRIPTION_LENGTH);
  const title = `${c.title} — ${SITE_NAME}`;
  const duration = `PT${c.duration_hours}H`;
  const languages = [c.teaching_language, ...Object.keys(c.translations ?? {})];
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Course',
    name: c.title,
    description: c.summary || c.title,
    url,
    courseCode: c.slug,
    inLanguage: c.teaching_language,
    availableLanguage: languages,
    educationalLevel: c.level,
    timeRequired: duration,
    ...(b.skills.length ? { keywords: b.skills.join(', '), teaches: b.skills } : {}),
    provider: {
      '@type': 'Organization',
      name: c.organisation_name,
      url: `${appUrl.replace(/\/$/, '')}/organisations/${c.organisation_slug}`,
    },
    hasCourseInstance: {
      '@type': 'CourseInstance',
      courseMode: courseModes[c.delivery_mode],
      courseWorkload: duration,
      ...(c.province_name ? { location: { '@type': 'Place', name: c.province_name } } : {}),
    },
  };
  return render(shell, {
    lang: c.teaching_language,
    title,
    description,
    extra: [
      `<link rel="canonical" href="${escapeHtml(url)}" />`,
      `<meta property="og:type" content="website" />`,
      `<meta property="og:site_name" content="${SITE_NAME}" />`,
      `<meta property="og:title" content="${escapeHtml(c.title)}" />`,
      `<meta property="og:description" content="${escapeHtml(description)}" />`,
      `<meta property="og:url" content="${escapeHtml(url)}" />`,
      `<meta property="og:locale" content="${{ vi: 'vi_VN', en: 'en_GB', ja: 'ja_JP' }[c.teaching_language]}" />`,
      `<script type="application/ld+json">${jsonForScript(jsonLd)}</script>`,
    ],
    body: `<main><h1>${escapeHtml(c.title)}</h1><p>${escapeHtml(c.summary)}</p><p>${escapeHtml(c.organisation_name)}</p></main>`,
  });
}

export function renderNotFoundPage(shell: string, lang: Locale, title: string, description: string) {
  return render(shell, {
    lang,
    title: `${title} — ${SITE_NAME}`,
    description,
    extra: ['<meta name="robots" content="noindex" />'],
    body: `<main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(description)}</p></main>`,
  });
}
