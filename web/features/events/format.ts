/** Event times as people read them, always in Vietnam's time zone, and the form's date/time fields. */
import { intlTag, type Locale, timeZone } from '../../../common/i18n/locales';

const dayFormat = (locale: Locale) =>
  new Intl.DateTimeFormat(intlTag[locale], {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
const timeFormat = (locale: Locale) =>
  new Intl.DateTimeFormat(intlTag[locale], {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });

/** "T7, 17/06/2023 · 08:00–13:00", or both ends in full when the event spans days. */
export function eventTime(startsAt: string, endsAt: string, locale: Locale): string {
  const s = new Date(startsAt);
  const e = new Date(endsAt);
  const day = dayFormat(locale);
  const time = timeFormat(locale);
  return vietnamDate(s) === vietnamDate(e)
    ? `${day.format(s)} · ${time.format(s)}–${time.format(e)}`
    : `${day.format(s)} ${time.format(s)} – ${day.format(e)} ${time.format(e)}`;
}

export const clock = (iso: string, locale: Locale) => timeFormat(locale).format(new Date(iso));

/** The calendar day in Vietnam, `YYYY-MM-DD`. */
export const vietnamDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(d);

/** `HH:mm` in Vietnam. */
export const vietnamTime = (d: Date) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    d,
  );

/** A date and time as typed (Vietnam time) → an ISO instant; null when either is missing or wrong. */
export function instant(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const d = new Date(`${date}T${time}:00+07:00`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
