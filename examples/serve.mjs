// `make example`: the viewer's build (dist/) on http://127.0.0.1:8080 and this repository on
// http://127.0.0.1:8081, two origins, as when a site embeds Cable Viewer from elsewhere.
// Then open http://127.0.0.1:8081/examples/embed.html.
import { resolve } from 'node:path';
import { serve, DIST } from '../tests/e2e/harness.mjs';

const viewer = await serve(DIST, { port: 8080 });
const site = await serve(resolve(import.meta.dirname, '..'), { port: 8081 });
console.log(`viewer (dist/): ${viewer.url}\nhost site:      ${site.url}examples/embed.html\nCtrl-C to stop.`);
