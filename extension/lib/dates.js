/** Today's (or `d`'s) local calendar date as YYYY-MM-DD: follow-ups are due by local date. */
export function localDate(d = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The local date `days` after `d`. */
export function addDays(d, days) {
  const next = new Date(d.getFullYear(), d.getMonth(), d.getDate() + days, 12);
  return next;
}
