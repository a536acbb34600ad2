// Entry point of the GitHub Action bundle (dist/action/index.js): only starts it.
import { run } from './action/main.js';

await run();
