// Preloaded into a measured Node child when /usr/bin/time is missing: writes the process's own resource usage
// (CPU time, peak memory) where bench/measure.ts reads it.
const fs = require("node:fs");

process.on("exit", () => {
  const file = process.env.BENCH_RUSAGE_FILE;
  if (file) fs.writeFileSync(file, JSON.stringify(process.resourceUsage()));
});
