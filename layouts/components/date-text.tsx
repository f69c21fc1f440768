// A date as readers read it ("22 oktober 2019") with the machine-readable day in <time datetime>.
import { formatIsoDay, formatLongDate } from "../../src/dates.ts";

export function DateText({ date }: { date: Date }) {
  return <time datetime={formatIsoDay(date)}>{formatLongDate(date)}</time>;
}
