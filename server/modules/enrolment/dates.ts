/** Calendar days in Vietnam: cohorts start and end on Vietnamese days, whatever the server's zone. */
import { timeZone } from '../../../common/i18n/locales';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The date in Vietnam (YYYY-MM-DD) at `now`. */
export const todayInVietnam = (now = new Date()): string => dayFormat.format(now);
