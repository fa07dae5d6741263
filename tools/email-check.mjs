#!/usr/bin/env node
// email-check: does every HTML summary clerk wrote use only what e-mail clients support?
//
// Runs the caniemail database (the npm package @jsx-email/doiuse-email, pinned in package.json)
// over every .html file in the folders given, for the clients Gmail, Outlook, Apple Mail and Yahoo
// (every platform of each). caniemail reports a feature a client lacks (error) or has in part
// (warning). A summary passes when what is left is known and harmless:
//
// - Known fallbacks, by element: the <body> element (Gmail, Yahoo and Outlook replace it by a
//   <div> or drop it; the outer full-width table carries the page's background again), and the
//   preheader's hiding (the line an inbox shows under the subject: display:none, and where a
//   client ignores that, a 1 px font, max-height:0, opacity:0, overflow:hidden and mso-hide:all).
//   Their issues are found by checking each of the two elements alone.
// - In the rest of the page: no error at all, and a warning only for a feature in PARTIAL below,
//   whose caniemail notes name what a client lacks; the script checks every element that uses the
//   feature stays within the part every client has (font sizes in px, padding on table cells…).
//
// Anything else — an unsupported feature, a partly supported one used outside the supported part
// or not in PARTIAL — is printed and makes the exit status 1. The known fallbacks and the warnings
// that remain are printed at the end, with the reason each is harmless.
//
// Run, from the crate root:
//
//   npm ci --prefix tools                  # once; installs into tools/node_modules (gitignored)
//   cargo run --release -- run sample-data --month 2026-10 --out /tmp/h
//   node tools/email-check.mjs /tmp/h [more folders or files…]
//
// Exit status: 0 nothing but known fallbacks, 1 anything else, 2 bad usage (no .html file found).

import { readFileSync } from "node:fs";
import { htmlFilesUnder } from "./html-files.mjs";
import { doIUseEmail } from "@jsx-email/doiuse-email";
import { parseDocument } from "htmlparser2";
import styleToObject from "style-to-object";

const CLIENTS = ["gmail.*", "outlook.*", "apple-mail.*", "yahoo.*"];

const BODY = /<body\b[^>]*>/i;
const PREHEADER = /<div style="display:none;[^"]*">[^<]*<\/div>/;

// Every element below <html> with its tag, attributes and declarations; `mso` tells whether an
// element comes right after an Outlook-only conditional comment (<!--[if mso]>…), which gives
// Outlook on Windows its own fixed-width table instead.
function elements(html) {
  const out = [];
  const walk = (node) => {
    let afterMso = false;
    for (const child of node.children ?? []) {
      if (child.type === "comment") {
        afterMso = /^\[if mso\]/.test(child.data);
        continue;
      }
      if (child.type === "text" && child.data.trim() === "") continue;
      if (child.type === "tag") {
        let style = {};
        try {
          style = (styleToObject.default ?? styleToObject)(child.attribs.style ?? "") ?? {};
        } catch {
          style = {};
        }
        out.push({ tag: child.name, attribs: child.attribs, style, mso: afterMso });
        walk(child);
      }
      afterMso = false;
    }
  };
  walk(parseDocument(html));
  return out;
}

const px = (v) => /^\d+(\.\d+)?px$/.test(v) || v === "0";
const hasBackground = (e) => "bgcolor" in e.attribs || "background-color" in e.style || "background" in e.style;

// Features only partly supported somewhere, each with what the summary keeps to and a check that
// every element using it does. `uses` picks the elements; `ok` is true when one stays within it.
const PARTIAL = {
  "font-size": {
    why: "sizes in px only (the notes: rem, %, relative sizes)",
    uses: (e) => "font-size" in e.style,
    ok: (e) => px(e.style["font-size"]),
  },
  "line-height": {
    why: "unitless line heights only (the note: em and px behave oddly in Outlook)",
    uses: (e) => "line-height" in e.style,
    ok: (e) => /^\d+(\.\d+)?$/.test(e.style["line-height"]),
  },
  "font-weight": {
    why: "bold or normal only (the notes: numeric weights)",
    uses: (e) => "font-weight" in e.style,
    ok: (e) => ["bold", "normal"].includes(e.style["font-weight"]),
  },
  "text-align": {
    why: "left, right or center only (the notes: start and end)",
    uses: (e) => "text-align" in e.style,
    ok: (e) => ["left", "right", "center"].includes(e.style["text-align"]),
  },
  margin: {
    why: "no negative or auto margin, none on <span> or on an element with a background (the notes)",
    uses: (e) => Object.keys(e.style).some((k) => k.startsWith("margin")),
    ok: (e) =>
      e.tag !== "span" &&
      !hasBackground(e) &&
      Object.entries(e.style)
        .filter(([k]) => k.startsWith("margin"))
        .every(([, v]) => !/-|auto/.test(v)),
  },
  padding: {
    why: "on table cells only (the note: Outlook pads nothing else)",
    uses: (e) => Object.keys(e.style).some((k) => k.startsWith("padding")),
    ok: (e) => ["td", "th"].includes(e.tag),
  },
  "max-width": {
    why: "only on the page's <div> (Apple Mail on iOS ignores it on tables), right after the table " +
      "Outlook on Windows gets instead (<!--[if mso]>, fixed width)",
    uses: (e) => "max-width" in e.style,
    ok: (e) => e.tag === "div" && e.mso,
  },
  display: {
    why: "inline-block only, for the cards that wrap on a phone; each right after the table cell " +
      "Outlook on Windows gets instead (<!--[if mso]>), as Outlook knows only display:none",
    uses: (e) => "display" in e.style,
    ok: (e) => e.style.display === "inline-block" && e.tag === "div" && e.mso,
  },
  "width attribute": {
    why: "percentages only and no image (the notes: image widths, fixed sizes at 120 dpi in Outlook)",
    uses: (e) => "width" in e.attribs || e.tag === "img",
    ok: (e) => e.tag !== "img" && /^\d+(\.\d+)?%$/.test(e.attribs.width),
  },
  "align attribute": {
    why: "left and right on table cells only (the note: Outlook for Mac ignores them on <table>)",
    uses: (e) => "align" in e.attribs,
    ok: (e) => ["td", "th"].includes(e.tag) || e.attribs.align === "center",
  },
  border: {
    why: "on tables, cells and headings only, at most 8 px (the notes: not on <p> or <div>, 8 px at most)",
    uses: (e) => "border" in e.style,
    ok: (e) => ["table", "td", "th", "h1", "h2"].includes(e.tag) && !/([9-9]|\d\d+)px/.test(e.style.border),
  },
  "lang attribute": {
    why: "on <html> only (the note: Yahoo drops it on <td>)",
    uses: (e) => "lang" in e.attribs,
    ok: (e) => e.tag === "html",
  },
};

const featureOf = (issue) => /^`([^`]+)`/.exec(issue)?.[1] ?? "";
const clientOf = (issue) => /`([^`]+)`$/.exec(issue)?.[1] ?? "";

function issuesOf(html) {
  const r = doIUseEmail(html, { emailClients: CLIENTS });
  return [...(r.errors ?? []).map((i) => ["error", i]), ...(r.warnings ?? []).map((i) => ["warning", i])];
}

// The problems of one page, and what it leaves as known fallbacks and remaining warnings.
function check(html, known, remaining) {
  const problems = [];
  const body = BODY.exec(html);
  const preheader = PREHEADER.exec(html);
  if (!body || !preheader) {
    return [`${!body ? "no <body>" : "no preheader (<div style=\"display:none;…\">)"} found`];
  }
  for (const [name, part] of [
    ["<body> element", `${body[0]}</body>`],
    ["the preheader's hiding", preheader[0]],
  ]) {
    for (const [level, i] of issuesOf(part)) {
      known.set(`${name}: ${level}: ${i}`, (known.get(`${name}: ${level}: ${i}`) ?? 0) + 1);
    }
  }
  const rest = html.replace(PREHEADER, "").replace(BODY, "<body>");
  const els = elements(rest);
  const seen = new Set();
  for (const [level, i] of issuesOf(rest)) {
    const feature = featureOf(i);
    if (feature === "<body> element" || seen.has(`${level}${i}`)) continue;
    seen.add(`${level}${i}`);
    const p = PARTIAL[feature];
    if (level === "error" || !p) {
      problems.push(`${level}: ${i}`);
      continue;
    }
    const outside = els.filter((e) => p.uses(e) && !p.ok(e));
    if (outside.length > 0) {
      const e = outside[0];
      problems.push(
        `${level}: ${i}, used outside ${p.why}: ${outside.length} element(s), the first ` +
          `<${e.tag}${e.attribs.style ? ` style="${e.attribs.style.slice(0, 80)}"` : ""}>`,
      );
      continue;
    }
    const clients = remaining.get(feature) ?? new Set();
    remaining.set(feature, clients.add(clientOf(i)));
  }
  return problems;
}

function main(args) {
  if (args.length === 0) {
    console.error("usage: node tools/email-check.mjs FOLDER_OR_FILE…");
    return 2;
  }
  const files = htmlFilesUnder(args, "email-check");
  if (files === null) return 2;
  let bad = 0;
  const known = new Map();
  const remaining = new Map();
  for (const file of files) {
    const problems = check(readFileSync(file, "utf8"), known, remaining);
    console.log(`${problems.length === 0 ? "ok  " : "FAIL"} ${file}`);
    for (const p of problems) console.log(`     ${p}`);
    bad += problems.length;
  }
  console.log("\nknown fallbacks (issues of these elements alone):");
  for (const k of [...known.keys()].sort()) console.log(`  ${k}`);
  console.log("\npartly supported, used within the part every client has:");
  for (const [feature, clients] of [...remaining].sort()) {
    console.log(`  ${feature} — ${PARTIAL[feature].why}\n     partial in ${[...clients].sort().join(", ")}`);
  }
  console.log(`\n${files.length} file(s), ${bad} issue(s) outside the allow-list`);
  return bad === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
