// A date as readers read it ("22 oktober 2019") with the machine-readable day in <time datetime>.
import { formatIsoDay, formatLongDate } from "../../src/dates.ts";

// The same few thousand dates are on every card of every listing: both texts found with one lookup by the Date.
const texts = new WeakMap<Date, { time: number; day: string; long: string }>();

export function DateText({ date }: { date: Date }) {
  let text = texts.get(date);
  // A Date can be changed in place: only the texts of the same moment are reused.
  if (text === undefined || text.time !== date.getTime()) {
    texts.set(date, (text = { time: date.getTime(), day: formatIsoDay(date), long: formatLongDate(date) }));
  }
  return <time datetime={text.day}>{text.long}</time>;
}
