/**
 * A small rich-text field: a textarea holding simple HTML and a toolbar that wraps the selection in
 * the few tags lessons use (bold, italic, heading, lists, link, paragraph). The server keeps only a safe
 * subset (sanitize-html) when the lesson is saved; the editor shows that cleaned result as the preview.
 */
import { Button, Group, Input, Textarea } from '@mantine/core';
import { type KeyboardEvent, type ReactNode, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

type Tool = 'bold' | 'italic' | 'heading' | 'bullets' | 'numbers' | 'link' | 'paragraph';

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function apply(tool: Tool, selected: string, url?: string): string {
  const lines = () =>
    (selected || ' ')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  switch (tool) {
    case 'bold':
      return `<strong>${selected}</strong>`;
    case 'italic':
      return `<em>${selected}</em>`;
    case 'heading':
      return `<h3>${selected}</h3>`;
    case 'paragraph':
      return lines()
        .map((l) => `<p>${l}</p>`)
        .join('\n');
    case 'bullets':
      return `<ul>\n${lines()
        .map((l) => `  <li>${l}</li>`)
        .join('\n')}\n</ul>`;
    case 'numbers':
      return `<ol>\n${lines()
        .map((l) => `  <li>${l}</li>`)
        .join('\n')}\n</ol>`;
    case 'link':
      return `<a href="${escapeAttr(url ?? '')}">${selected || url}</a>`;
  }
}

export function RichTextField({
  label,
  value,
  onChange,
  error,
  testId,
}: {
  label: string;
  value: string;
  onChange: (html: string) => void;
  error?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const toolbarId = useId();

  const run = (tool: Tool) => {
    const area = ref.current;
    if (!area) return;
    let url: string | undefined;
    if (tool === 'link') {
      url = window.prompt(t('teach.editor.linkPrompt'), 'https://')?.trim();
      if (!url || !/^https?:\/\//i.test(url)) return;
    }
    const { selectionStart: start, selectionEnd: end } = area;
    const snippet = apply(tool, value.slice(start, end), url);
    const next = value.slice(0, start) + snippet + value.slice(end);
    onChange(next);
    requestAnimationFrame(() => {
      area.focus();
      area.setSelectionRange(start, start + snippet.length);
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!(e.ctrlKey || e.metaKey)) return;
    if (e.key === 'b') {
      e.preventDefault();
      run('bold');
    } else if (e.key === 'i') {
      e.preventDefault();
      run('italic');
    }
  };

  const linkIcon = (
    <svg
      aria-hidden="true"
      width="14"
      height="14"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.5"
    >
      <path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7" />
      <path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" />
    </svg>
  );
  const tools: { tool: Tool; label: string; text: ReactNode }[] = [
    { tool: 'bold', label: t('teach.editor.bold'), text: 'B' },
    { tool: 'italic', label: t('teach.editor.italic'), text: 'I' },
    { tool: 'heading', label: t('teach.editor.heading'), text: 'H' },
    { tool: 'paragraph', label: t('teach.editor.paragraph'), text: '¶' },
    { tool: 'bullets', label: t('teach.editor.bullets'), text: '•' },
    { tool: 'numbers', label: t('teach.editor.numbers'), text: '1.' },
    { tool: 'link', label: t('teach.editor.link'), text: linkIcon },
  ];

  return (
    <Input.Wrapper label={label} error={error} description={t('teach.editor.hint')}>
      <Group gap={4} role="toolbar" aria-label={t('teach.editor.toolbar')} id={toolbarId} my={6}>
        {tools.map((x) => (
          <Button
            key={x.tool}
            size="compact-sm"
            variant="default"
            onClick={() => run(x.tool)}
            aria-label={x.label}
            title={x.label}
            fw={x.tool === 'bold' ? 800 : 500}
            fs={x.tool === 'italic' ? 'italic' : undefined}
          >
            <span aria-hidden="true">{x.text}</span>
          </Button>
        ))}
      </Group>
      <Textarea
        ref={ref}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        autosize
        minRows={8}
        maxRows={24}
        spellCheck
        aria-label={label}
        aria-describedby={toolbarId}
        styles={{ input: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 13 } }}
        data-testid={testId}
      />
    </Input.Wrapper>
  );
}
