/**
 * What lesson content may contain. Rich text is cleaned on write (so every reader of the database —
 * the web, an export, a future mobile app — gets safe HTML) to an allowlist: structure, emphasis,
 * links, images from https or our own files, tables and code. No scripts, styles, event handlers,
 * frames or javascript:/data: URLs survive. Video addresses must be https and playable.
 */
import sanitizeHtml from 'sanitize-html';

const FILE_PATH = /^\/api\/files\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An image is https from anywhere, or a file uploaded here (readable to the lesson's learners). */
const imageSourceAllowed = (src: string) => /^https:\/\/[^\s/]+\/\S*$/i.test(src) || FILE_PATH.test(src);

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'u',
    'a',
    'img',
    'blockquote',
    'code',
    'pre',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'br',
    'hr',
  ],
  allowedAttributes: {
    a: ['href', 'rel', 'target'],
    img: ['src', 'alt'],
  },
  allowedSchemes: ['https', 'http', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Style attributes are not allowed at all; parsing them would only invite postcss into the hot path.
  parseStyleAttributes: false,
  transformTags: {
    // A link never gives the page it opens a handle on ours, nor our address.
    a: (tagName, { target, ...attribs }) => ({
      tagName,
      attribs: { ...attribs, ...(target === '_blank' ? { target } : {}), rel: 'noopener noreferrer' },
    }),
    img: (tagName, attribs) => {
      const { src, ...rest } = attribs;
      return {
        tagName,
        attribs: src && imageSourceAllowed(src.trim()) ? { src: src.trim(), ...rest } : rest,
      };
    },
  },
  // An image whose source was refused would show as a broken box: drop it.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/** The safe form of an author's rich text. */
export function sanitiseLessonHtml(html: string): string {
  return sanitizeHtml(html, options).trim();
}

/** Ids of our files that a lesson body shows (its images), so their readers can be found. */
export function fileIdsIn(html: string): string[] {
  return [...html.matchAll(/\/api\/files\/([0-9a-f-]{36})/gi)].map((m) => m[1]!.toLowerCase());
}

export type VideoProvider = 'youtube' | 'vimeo' | 'file';

const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtube-nocookie.com']);
const VIMEO_HOSTS = new Set(['vimeo.com', 'www.vimeo.com', 'player.vimeo.com']);

function parseHttps(url: string): URL | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && !u.username && !u.password ? u : null;
  } catch {
    return null;
  }
}

/** Which kind of video an address is, or null when it is not https or not a video we can play. */
export function videoProvider(url: string): VideoProvider | null {
  const u = parseHttps(url);
  if (!u) return null;
  const host = u.hostname.toLowerCase();
  if (YOUTUBE_HOSTS.has(host) || host === 'www.youtube-nocookie.com' || host === 'youtu.be') return 'youtube';
  if (VIMEO_HOSTS.has(host)) return 'vimeo';
  if (/\.(mp4|webm)$/i.test(u.pathname)) return 'file';
  return null;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{6,20}$/;

/**
 * An address a player can embed: YouTube through its no-cookie domain, Vimeo through its player, a
 * file as it is. Null when the address names no single video (a channel page, say).
 */
export function videoEmbedUrl(url: string): string | null {
  const provider = videoProvider(url);
  const u = parseHttps(url);
  if (!provider || !u) return null;
  if (provider === 'file') return u.toString();
  if (provider === 'youtube') {
    const host = u.hostname.toLowerCase();
    const id =
      host === 'youtu.be'
        ? u.pathname.slice(1)
        : u.pathname === '/watch'
          ? u.searchParams.get('v')
          : (u.pathname.match(/^\/(?:embed|shorts|live)\/([^/]+)/)?.[1] ?? null);
    return id && YOUTUBE_ID.test(id) ? `https://www.youtube-nocookie.com/embed/${id}` : null;
  }
  const id = u.pathname.match(/(?:^|\/)(\d{5,12})(?:\/|$)/)?.[1];
  return id ? `https://player.vimeo.com/video/${id}` : null;
}
