import { describe, expect, it } from 'vitest';
import { fileIdsIn, sanitiseLessonHtml, videoEmbedUrl, videoProvider } from './sanitise';

const FILE = '/api/files/3f2a6c1e-8b7d-4e2f-9a1b-2c3d4e5f6a7b';

describe('lesson rich text', () => {
  it('keeps the allowed structure', () => {
    const html =
      '<h2>Wafer là gì?</h2><p><strong>Wafer</strong> là <em>tấm</em> <u>silicon</u>.</p>' +
      '<ul><li>một</li></ul><ol><li>hai</li></ol><blockquote>trích</blockquote><pre><code>x = 1</code></pre>' +
      '<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table><br /><hr />';
    expect(sanitiseLessonHtml(html)).toBe(
      '<h2>Wafer là gì?</h2><p><strong>Wafer</strong> là <em>tấm</em> <u>silicon</u>.</p>' +
        '<ul><li>một</li></ul><ol><li>hai</li></ol><blockquote>trích</blockquote><pre><code>x = 1</code></pre>' +
        '<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table><br /><hr />',
    );
  });

  it('removes scripts, event handlers, styles, frames and dangerous URLs', () => {
    const cases: [string, string][] = [
      ['<img src=x onerror=alert(1)>', ''],
      [
        '<img src="https://cdn.example.vn/a.png" onerror="alert(1)" alt="ảnh">',
        '<img src="https://cdn.example.vn/a.png" alt="ảnh" />',
      ],
      ['<a href="javascript:alert(1)">bấm</a>', '<a rel="noopener noreferrer">bấm</a>'],
      ['<a href="&#106;avascript:alert(1)">bấm</a>', '<a rel="noopener noreferrer">bấm</a>'],
      ['<a href=" JaVaScRiPt:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'],
      [
        '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
        '<a rel="noopener noreferrer">x</a>',
      ],
      ['<p>a<script>alert(1)</script>b</p>', '<p>ab</p>'],
      ['<svg onload=alert(1)><circle r="1"/></svg>ok', 'ok'],
      ['<p style="background:url(javascript:alert(1))" onclick="alert(1)">chữ</p>', '<p>chữ</p>'],
      ['<style>body{display:none}</style><p>x</p>', '<p>x</p>'],
      ['<iframe src="https://evil.example"></iframe><p>x</p>', '<p>x</p>'],
      ['<img src="//evil.example/x.png">', ''],
      ['<img src="http://plain.example/x.png">', ''],
      ['<img src="data:image/svg+xml,<svg onload=alert(1)>">', ''],
      ['<object data="x.swf"></object><embed src="x"><form action="/x"><input name="q"></form>', ''],
      [
        '<p><a href="https://nic.gov.vn" target="_top" onmouseover="x()">NIC</a></p>',
        '<p><a href="https://nic.gov.vn" rel="noopener noreferrer">NIC</a></p>',
      ],
      ['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', '<table></table>'],
    ];
    for (const [dirty, clean] of cases) expect(sanitiseLessonHtml(dirty), dirty).toBe(clean);
  });

  it('keeps links in a new tab safe and images from our files', () => {
    expect(sanitiseLessonHtml('<a href="https://nic.gov.vn" target="_blank" rel="opener">NIC</a>')).toBe(
      '<a href="https://nic.gov.vn" rel="noopener noreferrer" target="_blank">NIC</a>',
    );
    expect(sanitiseLessonHtml(`<img src="${FILE}" alt="sơ đồ">`)).toBe(`<img src="${FILE}" alt="sơ đồ" />`);
    expect(sanitiseLessonHtml('<img src="/api/files/../../etc/passwd">')).toBe('');
    expect(fileIdsIn(`<p><img src="${FILE}" /></p>`)).toEqual(['3f2a6c1e-8b7d-4e2f-9a1b-2c3d4e5f6a7b']);
  });
});

describe('video addresses', () => {
  it('accepts https YouTube, Vimeo and mp4, and nothing else', () => {
    expect(videoProvider('https://www.youtube.com/watch?v=aircAruvnKk')).toBe('youtube');
    expect(videoProvider('https://youtu.be/aircAruvnKk')).toBe('youtube');
    expect(videoProvider('https://vimeo.com/76979871')).toBe('vimeo');
    expect(videoProvider('https://cdn.example.vn/bai-1.mp4')).toBe('file');
    expect(videoProvider('http://www.youtube.com/watch?v=aircAruvnKk')).toBeNull();
    expect(videoProvider('javascript:alert(1)')).toBeNull();
    expect(videoProvider('https://example.vn/page.html')).toBeNull();
    expect(videoProvider('https://user:pw@cdn.example.vn/a.mp4')).toBeNull();
  });

  it('gives an embeddable address', () => {
    expect(videoEmbedUrl('https://www.youtube.com/watch?v=aircAruvnKk&t=10')).toBe(
      'https://www.youtube-nocookie.com/embed/aircAruvnKk',
    );
    expect(videoEmbedUrl('https://youtu.be/aircAruvnKk')).toBe(
      'https://www.youtube-nocookie.com/embed/aircAruvnKk',
    );
    expect(videoEmbedUrl('https://vimeo.com/76979871')).toBe('https://player.vimeo.com/video/76979871');
    expect(videoEmbedUrl('https://www.youtube.com/@nic')).toBeNull();
  });
});
