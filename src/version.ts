// Read from package.json (inlined by the bundler) so the bundle and the npm package never disagree.
import pkg from '../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
