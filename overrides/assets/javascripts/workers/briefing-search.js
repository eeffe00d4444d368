/* Briefing's search worker. Material's search box sends its queries to a worker and renders what it answers;
 * this one answers from the site's index in small files (generator/search.py), reading only the files of
 * the words typed and of the pages shown, where Material's own worker first reads the whole index.
 *
 * The protocol is Material's: SETUP (0) with search/search_index.json's configuration, READY (1), QUERY (2)
 * with the text in the box, RESULT (3) with the results, one group of items a page, each item's title and
 * text as HTML. All text comes from articles and is escaped here, character by character; the only markup
 * in an answer is the <p> and the <mark> this script writes.
 *
 * When search_index.json is Material's whole index (a site built by a plain `mkdocs build`, which does not
 * write ours), Material's own worker answers: this one loads it and hands it the SETUP message.
 */
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const FORMAT = 1;           // of the index files (generator/search.py FORMAT)
const PAGES = 20;           // pages a result lists, the best first
const AROUND = 90;          // characters of a section's text shown before and after its first match
const TITLE_BOOST = 8;      // a term in a section's title counts as this many in its text
const PREFIX = 0.6;         // a term the query's word only begins counts this much of the word itself

let index = null;
let latest = 0;

addEventListener("message", receive);

function receive(event) {
  const message = event.data;
  if (message.type === SETUP) {
    const briefing = message.data && message.data.config && message.data.config.briefing;
    if (!briefing || briefing.format !== FORMAT) {
      handOver(message);
      return;
    }
    index = new Index(briefing);
    postMessage({ type: READY });
  } else if (message.type === QUERY && index) {
    const number = ++latest;
    index.search(String(message.data)).then(
      (result) => { if (number === latest) postMessage({ type: RESULT, data: result }); },
      (error) => {
        console.warn("search failed:", error);
        if (number === latest) postMessage({ type: RESULT, data: { items: [] } });
      });
  }
}

/* Material's own worker, with Material's whole index: it registers its own listener. */
function handOver(message) {
  removeEventListener("message", receive);
  const material = new URL(self.location.href).searchParams.get("material");
  const url = material && new URL(material, self.location.href);
  if (!url || url.origin !== self.location.origin) {
    postMessage({ type: READY });
    return;
  }
  importScripts(url.href);
  dispatchEvent(new MessageEvent("message", { data: message }));
}

class Index {
  constructor(briefing) {
    this.folder = new URL("../../../search/index/", self.location.href);
    this.version = String(briefing.version);
    this.pages = briefing.pages;
    this.sections = Math.max(briefing.sections || briefing.pages, 1);
    this.keys = new Set(briefing.keys);
    this.keyLength = briefing.key_length;
    this.sectionUnit = briefing.section;
    this.titleBit = briefing.title;
    this.perFile = briefing.pages_per_file;
    this.maxTerm = briefing.max_term;
    this.letters = briefing.letters;
    this.stopwords = new Set(briefing.stopwords);
    this.files = new Map();
  }

  /* The term a word is indexed as (generator/search.py term): folded, lower case, or null. */
  term(word) {
    let plain = "";
    for (const character of word) plain += this.letters[character] ?? character;
    plain = plain.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC").toLowerCase();
    const length = [...plain].length;
    if (length < 2 || length > this.maxTerm || this.stopwords.has(plain)) return null;
    return plain;
  }

  words(text) {
    return text.normalize("NFC").match(/[\p{L}\p{N}]+/gu) || [];
  }

  key(term) {
    return [...term].slice(0, this.keyLength).join("");
  }

  load(name) {
    let file = this.files.get(name);
    if (!file) {
      file = fetch(new URL(`${name}?v=${this.version}`, this.folder))
        .then((response) => {
          if (!response.ok) throw new Error(`${name}: ${response.status}`);
          return response.arrayBuffer();
        })
        .then(inflate)
        .then((text) => JSON.parse(text));
      file.catch(() => this.files.delete(name));
      this.files.set(name, file);
    }
    return file;
  }

  async search(query) {
    const asked = [];           // {word, term}, each term once
    for (const word of this.words(query)) {
      const term = this.term(word);
      if (term && !asked.some((each) => each.term === term)) asked.push({ word: word.toLowerCase(), term });
    }
    if (!asked.length) return { items: [] };
    const postings = await Promise.all(asked.map((each) => {
      const key = this.key(each.term);
      return this.keys.has(key) ? this.load(`t/${hex(key)}`) : Promise.resolve({});
    }));

    // Each section's score: for each word of the query, its best term there.
    const sections = new Map();         // page * sectionUnit... -> {page, section, score, matched}
    let suggestion = null, suggested = 0;
    asked.forEach((each, position) => {
      const best = new Map();
      for (const [term, steps] of Object.entries(postings[position])) {
        if (!term.startsWith(each.term)) continue;
        const found = steps.length / 2;
        if (position === asked.length - 1 && found > suggested) [suggestion, suggested] = [term, found];
        const weight = Math.log(1 + this.sections / found) * (term === each.term ? 1 : PREFIX);
        let page = 0;
        for (let at = 0; at < steps.length; at += 2) {
          page += steps[at];
          const packed = steps[at + 1];
          const section = Math.floor(packed / this.sectionUnit);
          const count = packed % this.sectionUnit % this.titleBit;
          const titled = (packed % this.sectionUnit) >= this.titleBit;
          const score = weight * (count / (count + 1.2) + (titled ? TITLE_BOOST : 0));
          const id = page * 4096 + section;
          if (!(best.get(id) >= score)) best.set(id, score);
        }
      }
      for (const [id, score] of best) {
        let found = sections.get(id);
        if (!found) sections.set(id, found = { page: Math.floor(id / 4096), section: id % 4096, score: 0, words: 0 });
        found.score += score;
        found.words |= 1 << position;
      }
    });

    // Pages that have more of the query's words first, then by their best section, scored as Material scores:
    // the page itself and a section with every word count more.
    const pages = new Map();
    for (const found of sections.values()) {
      found.score *= 1 + ((found.section === 0 ? 1 : 0) + ones(found.words) / asked.length) ** 2;
      const page = pages.get(found.page);
      if (!page) pages.set(found.page, { page: found.page, score: found.score, words: found.words, sections: [found] });
      else {
        page.sections.push(found);
        page.score = Math.max(page.score, found.score);
        page.words |= found.words;
      }
    }
    const best = [...pages.values()]
      .sort((a, b) => ones(b.words) - ones(a.words) || b.score - a.score || a.page - b.page)
      .slice(0, PAGES);
    const files = await Promise.all(best.map((page) => this.load(`p/${Math.floor(page.page / this.perFile)}`)));
    const items = [];
    best.forEach((page, position) => {
      const record = files[position][page.page % this.perFile];
      const group = this.group(record, page, asked);
      if (group.length) items.push(group);
    });
    const completion = suggestion && suggestion.startsWith(asked[asked.length - 1].word) ? [suggestion] : [];
    return { items, suggest: completion };
  }

  /* One page's items for Material: the page itself, then its matching sections, best first. */
  group(record, page, asked) {
    if (!Array.isArray(record)) return [];
    const [url, sections] = record;
    if (typeof url !== "string" || !safeLocation(url)) return [];
    const scores = new Map(page.sections.map((found) => [found.section, found.score]));
    if (!scores.has(0)) scores.set(0, 0);
    const items = [];
    for (const [section, score] of scores) {
      const entry = sections[section];
      if (!Array.isArray(entry)) continue;
      const [anchor, title, text] = entry.map(String);
      const marked = new Set();
      const terms = {};
      for (const each of asked) terms[each.word] = false;
      const titleHTML = this.mark(title, asked, marked, terms);
      const textHTML = this.excerpt(text, asked, marked, terms);
      for (const word of marked) terms[word] = true;
      items.push({
        location: anchor ? `${url}#${anchor}` : url,
        title: titleHTML,
        text: textHTML ? `<p>${textHTML}</p>` : "",
        score,
        terms,
      });
    }
    return items.sort((a, b) => b.score - a.score);
  }

  /* `text` escaped, with each word whose term the query's words begin marked. */
  mark(text, asked, marked, terms) {
    let html = "", at = 0;
    for (const match of text.normalize("NFC").matchAll(/[\p{L}\p{N}]+/gu)) {
      const term = this.term(match[0]);
      const hit = term && asked.find((each) => term.startsWith(each.term));
      if (!hit) continue;
      html += escape(text.normalize("NFC").slice(at, match.index)) + `<mark>${escape(match[0])}</mark>`;
      at = match.index + match[0].length;
      marked.add(match[0].toLowerCase());
      terms[hit.word] = true;
    }
    return html + escape(text.normalize("NFC").slice(at));
  }

  /* Some words around the text's first match, escaped and marked; the start of the text without one. */
  excerpt(text, asked, marked, terms) {
    text = text.normalize("NFC");
    let first = -1;
    for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
      const term = this.term(match[0]);
      if (term && asked.some((each) => term.startsWith(each.term))) { first = match.index; break; }
    }
    const start = first < 0 ? 0 : wordStart(text, Math.max(0, first - AROUND));
    const end = wordEnd(text, Math.min(text.length, (first < 0 ? 0 : first) + AROUND * 2));
    const shown = text.slice(start, end);
    return (start > 0 ? "… " : "") + this.mark(shown, asked, marked, terms) + (end < text.length ? " …" : "");
  }
}

function ones(bits) {
  let count = 0;
  for (; bits; bits &= bits - 1) count++;
  return count;
}

function wordStart(text, at) {
  const space = text.indexOf(" ", at);
  return space < 0 || space - at > 20 ? at : space + 1;
}

function wordEnd(text, at) {
  if (at >= text.length) return text.length;
  const space = text.lastIndexOf(" ", at);
  return space < 0 || at - space > 20 ? at : space;
}

/* A page's address as the index has it: a path of the site, never a scheme or another host. */
function safeLocation(url) {
  return !/^[\s/\\]*[a-z][a-z0-9+.-]*:/i.test(url) && !/^[\s]*[/\\]{2}/.test(url);
}

const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escape(text) {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]);
}

function hex(key) {
  return [...new TextEncoder().encode(key)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/* The index files are gzip-compressed; a host that sent one inflated already (Content-Encoding) is read as it is. */
async function inflate(buffer) {
  const bytes = new Uint8Array(buffer);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text();
  }
  return new TextDecoder().decode(bytes);
}
