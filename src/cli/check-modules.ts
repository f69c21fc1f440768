// What `npm run check` needs of the generator, as one module: check.ts imports it bundled (src/content/bundle.ts),
// since through tsx, module by module with the packages, it took about 0.3 s more to load.
export { DateTime } from "luxon";
export { SITE } from "../site.ts";
export { formatLongDate, formatLongDateTime } from "../dates.ts";
export { loadContent, loadContentParallel } from "../content/load.ts";
export { statusOf } from "../content/collections.ts";
export { formatProblem, sortProblems } from "../content/problems.ts";
