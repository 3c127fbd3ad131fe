/**
 * What an uploaded file really is, from its first bytes, not from the name or type the browser sent.
 * Only an allowlist of documents, images, audio, video and plain text is accepted; programs, scripts,
 * HTML, SVG and XML (which a browser might run) are refused, and so is a file whose content
 * contradicts its extension ("bai-giang.pdf" holding HTML). The type stored and served is the sniffed one.
 */

export interface Sniffed {
  contentType: string;
  /** Shown in the browser (images) or always downloaded. */
  inline: boolean;
}

/** Extensions that name something a computer or browser would run: refused whatever the content. */
const DANGEROUS_EXTENSIONS = new Set([
  'exe',
  'dll',
  'com',
  'scr',
  'msi',
  'msp',
  'bat',
  'cmd',
  'ps1',
  'vbs',
  'vbe',
  'js',
  'mjs',
  'jse',
  'wsf',
  'wsh',
  'hta',
  'cpl',
  'jar',
  'apk',
  'app',
  'dmg',
  'pkg',
  'deb',
  'rpm',
  'sh',
  'bash',
  'zsh',
  'py',
  'pl',
  'php',
  'rb',
  'html',
  'htm',
  'xhtml',
  'shtml',
  'svg',
  'svgz',
  'xml',
  'xsl',
  'swf',
  'lnk',
  'reg',
  'elf',
  'bin',
  'so',
  'dylib',
  'class',
  'wasm',
]);

/** Content types each extension may hold; an extension not listed here says nothing. */
const EXTENSION_TYPES: Record<string, readonly string[]> = {
  pdf: ['application/pdf'],
  png: ['image/png'],
  jpg: ['image/jpeg'],
  jpeg: ['image/jpeg'],
  gif: ['image/gif'],
  webp: ['image/webp'],
  mp4: ['video/mp4', 'audio/mp4'],
  m4v: ['video/mp4'],
  m4a: ['audio/mp4', 'video/mp4'],
  webm: ['video/webm'],
  mp3: ['audio/mpeg'],
  ogg: ['audio/ogg'],
  oga: ['audio/ogg'],
  wav: ['audio/wav'],
  zip: ['application/zip'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  pptx: ['application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  odt: ['application/vnd.oasis.opendocument.text'],
  ods: ['application/vnd.oasis.opendocument.spreadsheet'],
  odp: ['application/vnd.oasis.opendocument.presentation'],
  epub: ['application/epub+zip'],
  doc: ['application/msword'],
  xls: ['application/vnd.ms-excel'],
  ppt: ['application/vnd.ms-powerpoint'],
  txt: ['text/plain'],
  csv: ['text/csv'],
  md: ['text/markdown'],
  vtt: ['text/vtt'],
  srt: ['text/plain'],
};

const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
/** Images are shown in the page; everything else is downloaded, never rendered by the browser. */
export const shownInline = (contentType: string) => INLINE_TYPES.has(contentType);

const startsWith = (buf: Buffer, bytes: readonly number[], at = 0) =>
  buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);
const ascii = (buf: Buffer, text: string, at = 0) =>
  buf.length >= at + text.length && buf.toString('latin1', at, at + text.length) === text;

/** Executables and scripts: Windows PE, ELF, Mach-O (and Java classes, which share its fat magic), shebang. */
function isExecutable(buf: Buffer) {
  return (
    ascii(buf, 'MZ') ||
    startsWith(buf, [0x7f, 0x45, 0x4c, 0x46]) ||
    [
      [0xfe, 0xed, 0xfa, 0xce],
      [0xfe, 0xed, 0xfa, 0xcf],
      [0xce, 0xfa, 0xed, 0xfe],
      [0xcf, 0xfa, 0xed, 0xfe],
      [0xca, 0xfe, 0xba, 0xbe],
    ].some((m) => startsWith(buf, m)) ||
    ascii(buf, '#!') ||
    startsWith(buf, [0x00, 0x61, 0x73, 0x6d])
  );
}

/**
 * Markup a browser might render as a page: what the WHATWG MIME sniffing standard calls HTML at the
 * start, plus SVG and XML, and script-like tags anywhere in the first kilobyte (older browsers sniffed
 * that far).
 */
function isMarkup(buf: Buffer) {
  const head = buf
    .subarray(0, 1024)
    .toString('latin1')
    .replace(/^(\xef\xbb\xbf|\xfe\xff|\xff\xfe)/, '')
    .replaceAll('\0', '')
    .toLowerCase();
  const start = head.trimStart();
  if (
    /^<(!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|!--|\?xml|svg)[\s>/]/.test(
      start,
    )
  )
    return true;
  return /<(script|html|svg|iframe|body|object|embed|meta\s+http-equiv)[\s>/]/.test(head);
}

function binaryType(buf: Buffer, ext: string): string | null {
  if (ascii(buf, '%PDF-')) return 'application/pdf';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(buf, 'GIF87a') || ascii(buf, 'GIF89a')) return 'image/gif';
  if (ascii(buf, 'RIFF') && ascii(buf, 'WEBP', 8)) return 'image/webp';
  if (ascii(buf, 'RIFF') && ascii(buf, 'WAVE', 8)) return 'audio/wav';
  if (ascii(buf, 'ftyp', 4)) return ascii(buf, 'M4A', 8) ? 'audio/mp4' : 'video/mp4';
  if (startsWith(buf, [0x1a, 0x45, 0xdf, 0xa3])) return 'video/webm';
  if (ascii(buf, 'ID3') || (buf.length > 1 && buf[0] === 0xff && ((buf[1] ?? 0) & 0xe0) === 0xe0))
    return 'audio/mpeg';
  if (ascii(buf, 'OggS')) return 'audio/ogg';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) {
    // Office, OpenDocument and EPUB files are zip archives: the extension says which.
    const zipped = EXTENSION_TYPES[ext]?.find(
      (t) => t !== 'application/zip' && /zip|openxml|opendocument/.test(t),
    );
    return zipped ?? 'application/zip';
  }
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // The old Office container also holds Windows installers (.msi): only the three Office kinds pass.
    return ext === 'doc' || ext === 'xls' || ext === 'ppt' ? EXTENSION_TYPES[ext]![0]! : null;
  }
  return null;
}

function isText(buf: Buffer) {
  const sample = buf.subarray(0, 64 * 1024);
  if (sample.includes(0)) return false;
  try {
    // A sample may end inside a multi-byte character: ignore the last few bytes.
    new TextDecoder('utf-8', { fatal: true }).decode(
      sample.length === buf.length ? sample : sample.subarray(0, sample.length - 4),
    );
    return true;
  } catch {
    return false;
  }
}

const extensionOf = (filename: string) => {
  const m = filename.toLowerCase().match(/\.([a-z0-9]{1,8})$/);
  return m?.[1] ?? '';
};

/** The type of an upload, or null when it is refused. */
export function sniff(buf: Buffer, filename: string): Sniffed | null {
  const ext = extensionOf(filename);
  if (buf.length === 0 || DANGEROUS_EXTENSIONS.has(ext)) return null;
  if (isExecutable(buf) || isMarkup(buf)) return null;
  let type = binaryType(buf, ext);
  if (!type && isText(buf))
    type = EXTENSION_TYPES[ext]?.find((t) => t.startsWith('text/')) ?? (ext ? null : 'text/plain');
  if (!type) return null;
  const expected = EXTENSION_TYPES[ext];
  if (expected && !expected.includes(type)) return null;
  return { contentType: type, inline: INLINE_TYPES.has(type) };
}

/** A `content-disposition` value that keeps a Vietnamese or Japanese file name (RFC 6266 / 5987). */
export function contentDisposition(filename: string, inline: boolean): string {
  const fallback = filename
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
