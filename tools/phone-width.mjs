#!/usr/bin/env node
// phone-width: does any HTML summary scroll sideways on a phone?
//
// Opens every .html file in the folders given in headless Chromium (the system's, through
// playwright-core, pinned in package.json) with a viewport 400 px wide, as a phone shows a message,
// and checks that the page is no wider than that: document.scrollWidth <= 400. For a page that is,
// it prints the innermost elements that reach past the right edge (tag, width, the start of their
// text), so the cause can be found. Prints one line per file.
//
// Run, from the crate root:
//
//   npm ci --prefix tools                  # once; installs into tools/node_modules (gitignored)
//   cargo run --release -- run sample-data --month 2026-10 --out /tmp/h
//   node tools/phone-width.mjs /tmp/h [more folders or files…]
//
// Options: --width N (default 400); --shots DIR saves each page, whole, as DIR/<name>-<N>.png (its
// path under the folder given, with / as _) to look at; CHROMIUM=/path/to/chromium (default
// /usr/bin/chromium).
// Exit status: 0 every page fits, 1 a page is wider, 2 bad usage or no browser.

import { mkdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { htmlFilesUnder } from "./html-files.mjs";

// Runs in the page: its width, and the innermost elements whose right edge is past the viewport.
function measure(width) {
  const wide = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.right <= width + 0.5) continue;
    const child = [...el.children].some((c) => c.getBoundingClientRect().right > width + 0.5);
    if (!child) {
      wide.push(`<${el.tagName.toLowerCase()}> ${Math.round(r.width)} px wide, right edge at ${Math.round(r.right)} px: ` +
        JSON.stringify((el.textContent || "").trim().slice(0, 60)));
    }
  }
  return { scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 6) };
}

async function main(argv) {
  let width = 400;
  let shots = null;
  const paths = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--width") width = Number(argv[++i]);
    else if (argv[i] === "--shots") shots = argv[++i];
    else paths.push(argv[i]);
  }
  if (paths.length === 0 || !(width > 0) || shots === undefined) {
    console.error("usage: node tools/phone-width.mjs [--width 400] [--shots DIR] FOLDER_OR_FILE…");
    return 2;
  }
  if (shots !== null) mkdirSync(shots, { recursive: true });
  // A picture's name: the file's path under the folder it was found in, flattened.
  const shotName = (file) => {
    const under = paths.find((p) => resolve(file).startsWith(resolve(p)));
    const rel = under && resolve(under) !== resolve(file) ? relative(under, file) : file.split("/").pop();
    return `${rel.replace(/\.html$/, "").replaceAll("/", "_")}-${width}.png`;
  };
  const files = htmlFilesUnder(paths, "phone-width");
  if (files === null) return 2;
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu"],
    });
  } catch (e) {
    console.error(`phone-width: cannot start Chromium: ${e.message.split("\n")[0]}`);
    return 2;
  }
  let bad = 0;
  try {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    for (const file of files) {
      await page.goto(pathToFileURL(resolve(file)).href);
      const m = await page.evaluate(measure, width);
      const fits = m.scrollWidth <= width;
      console.log(`${fits ? "ok  " : "WIDE"} ${m.scrollWidth} px  ${file}`);
      if (shots !== null) await page.screenshot({ path: join(shots, shotName(file)), fullPage: true });
      if (!fits) {
        bad += 1;
        for (const w of m.wide) console.log(`       ${w}`);
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`\n${files.length} file(s) at ${width} px, ${bad} wider than the screen`);
  return bad === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
