// A static server on 127.0.0.1 (a secure context, so the prompting APIs
// exist) for the browser tests and the demo page. It serves only
// test/web/ and generated/npm/ of the repository, never caches, and picks
// a free port. `node test/web/server.mjs [port]` serves the demo by hand.
import http from "node:http";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SERVED = ["/test/web/", "/generated/npm/"];
const TYPES = { ".html": "text/html; charset=utf-8", ".mjs": "text/javascript", ".js": "text/javascript", ".json": "application/json" };

/** Starts the server; resolves to its origin and a close function. */
export async function serve(port = 0) {
  const server = http.createServer(async (req, res) => {
    const file = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    if (!SERVED.some((dir) => file.startsWith(dir)) || file.split("/").includes("..")) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(path.join(root, file));
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { origin } = await serve(Number(process.argv[2] ?? 0));
  console.log(`demo: ${origin}/test/web/demo.html (Ctrl-C to stop)`);
}
