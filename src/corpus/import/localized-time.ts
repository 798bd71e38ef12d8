/**
 * A <time> whose printed words the page's own script rewrote into the time zone of the computer that
 * showed it: the local-time convention marks such an element `data-local="time"` (or "time-ago",
 * "date") and adds `data-localized` once the script has run. A page saved that way prints the day where
 * it was saved ("April 9, 2022", in Singapore), which may be a day off the publisher's; the element's
 * datetime is the moment the server wrote, the same wherever the page is opened.
 */
export function localizedByScript(time: Element): boolean {
  return time.hasAttribute('data-localized') || time.hasAttribute('data-local');
}
