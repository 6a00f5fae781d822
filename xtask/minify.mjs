// Minifies one script or stylesheet for the single file: `node xtask/minify.mjs js|css` reads
// the code on stdin and writes it minified to stdout. Through esbuild's JavaScript API, which
// finds its platform's binary itself. Only whitespace, comments and local names change; no
// syntax is lowered and no property renamed, so the page's globals and its API stay as written.
import { transform } from 'esbuild';

const loader = process.argv[2];
if (loader !== 'js' && loader !== 'css') {
  console.error('usage: node xtask/minify.mjs js|css < code > minified');
  process.exit(2);
}
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const result = await transform(Buffer.concat(chunks).toString('utf8'), {
  loader,
  minify: true,
  // Non-ASCII text stays as it is rather than becoming escapes: the page is UTF-8.
  charset: 'utf8',
  legalComments: 'none',
});
for (const warning of result.warnings) console.error(`esbuild: ${warning.text}`);
process.stdout.write(result.code);
