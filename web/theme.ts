/**
 * The Mantine theme. Mantine's defaults put some text below WCAG AA contrast on white (blue-6
 * buttons and links, gray-6 "dimmed" text, red-6 errors, the pale "light" variants), so shades are
 * darkened here; axe-core checks the result in the end-to-end tests.
 */
import {
  type CSSVariablesResolver,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';

/** Text shade for the pale variants: shade 9, darkened a quarter so even green and orange reach 4.5:1. */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  const palette =
    parsed.isThemeColor && parsed.shade === undefined ? input.theme.colors[parsed.color] : undefined;
  const shade9 = palette?.[9];
  if (!shade9) return colors;
  const text = darken(shade9, 0.25);
  if (input.variant === 'light' || input.variant === 'subtle') return { ...colors, color: text };
  if (input.variant === 'outline') return { ...colors, color: text, border: `1px solid ${text}` };
  return colors;
};

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 9, dark: 4 },
  defaultRadius: 'md',
  cursorType: 'pointer',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Noto Sans JP", "Hiragino Sans", "Yu Gothic UI", sans-serif',
  headings: {
    fontWeight: '700',
    // Smaller on a 360px phone, Mantine's sizes from about 700px up.
    sizes: { h1: { fontSize: 'clamp(1.625rem, 1.1rem + 2.4vw, 2.125rem)', lineHeight: '1.25' } },
  },
  variantColorResolver,
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-9)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {},
});
