// A loading worker (src/content/load-parallel.ts): reads, parses and checks the files it takes from the shared
// queue exactly as the main thread does (load.ts readFile) and sends back plain data.
import { serveTasks } from "./load-parallel.ts";
import { readFile, type LoadJob, type LoadTask } from "./read.ts";

serveTasks((task: LoadTask, job: LoadJob) => readFile(task.file, job.root, task.stored, job.render));
