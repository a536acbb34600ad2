// Entry point of the GitHub Action bundle (dist/action/index.js): only starts it, once the compile cache is on.
import { enableCompileCache } from './compile-cache.js';

enableCompileCache();
const { run } = await import('./action/main.js');
await run();
