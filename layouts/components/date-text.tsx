// A date as readers read it ("22 oktober 2019") with the machine-readable day in <time datetime>.
import { formatIsoDay, formatLongDate } from "#src/text/dates.ts";
import { memoise } from "#src/text/memo.ts";

// The same few thousand dates are on every card of every listing: both texts found with one lookup by the moment.
const textsOf = memoise((time: number) => ({ day: formatIsoDay(new Date(time)), long: formatLongDate(new Date(time)) }));

export function DateText({ date }: { date: Date }) {
  const text = textsOf(date.getTime());
  return <time datetime={text.day}>{text.long}</time>;
}
