// The .html files the tools check: every one under the folders or files given, in name order.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function htmlFiles(path) {
  const st = statSync(path);
  if (st.isFile()) return path.endsWith(".html") ? [path] : [];
  return readdirSync(path)
    .sort()
    .flatMap((name) => htmlFiles(join(path, name)));
}

// The files under `paths`, or null after one line on stderr (a path that cannot be read, or no
// .html file at all) for `tool` to exit with 2.
export function htmlFilesUnder(paths, tool) {
  let files;
  try {
    files = paths.flatMap(htmlFiles);
  } catch (e) {
    console.error(`${tool}: ${e.message}`);
    return null;
  }
  if (files.length === 0) {
    console.error(`${tool}: no .html file under ${paths.join(", ")}`);
    return null;
  }
  return files;
}
