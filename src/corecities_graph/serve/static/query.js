// The query page's script: runs queries without reloading the page.
// Without it the page is a plain form that the server answers with the same table.
// The script asks the page itself for JSON: the server runs the query on the /sparql endpoint's
// workers and sends back the endpoint's status, media type and body (or its refusal) as they are.
// Every value from a result is written with textContent; no HTML is ever built from a string.
"use strict";

(function () {
  const XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
  const LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
  const RESULT_LINKS = [["CSV", "csv"], ["TSV", "tsv"], ["JSON", "json"]];
  const GRAPH_LINKS = [["Turtle", "ttl"], ["N-Triples", "nt"], ["JSON-LD", "jsonld"]];

  const main = document.getElementById("query-page");
  const origins = JSON.parse(main.dataset.origins || "[]");
  const prefixes = JSON.parse(main.dataset.prefixes || "{}");
  const select = document.getElementById("name");
  const namedForm = document.getElementById("named");
  const editorForm = document.getElementById("editor");
  const editor = document.getElementById("query");
  const errorBox = document.getElementById("error");
  const noteBox = document.getElementById("note");
  const results = document.getElementById("results");
  const summary = document.getElementById("summary");
  const downloads = document.getElementById("downloads");
  const booleanBox = document.getElementById("boolean");
  const table = document.getElementById("table");
  const buttons = [document.getElementById("run"), document.getElementById("run-named")];
  let running = 0;

  function fieldsets() {
    return Array.from(namedForm.querySelectorAll("fieldset.params"));
  }

  function showFields(name) {
    for (const set of fieldsets()) {
      const mine = set.dataset.for === name;
      set.hidden = !mine;
      set.disabled = !mine;
    }
  }

  function selectedText() {
    const option = select.selectedOptions[0];
    return option && option.value ? option.dataset.text : null;
  }

  function namedValues(name) {
    const set = fieldsets().find((s) => s.dataset.for === name);
    const values = [];
    if (set) {
      for (const input of set.querySelectorAll("input")) {
        values.push([input.name, input.value.trim()]);
      }
    }
    return values;
  }

  // --- what to run ----------------------------------------------------------------------

  function current() {
    const text = editor.value;
    if (select.value && text === selectedText()) {
      return { name: select.value, values: namedValues(select.value) };
    }
    return { text: text };
  }

  function pairs(spec) {
    return spec.name ? [["name", spec.name], ...spec.values] : [["query", spec.text]];
  }

  function run(spec, remember) {
    if (spec.name) {
      const empty = spec.values.filter(([, value]) => !value);
      if (empty.length) {
        namedForm.reportValidity();
        return;
      }
    } else {
      if (!spec.text.trim()) return;
      if (select.value) {
        select.value = "";
        showFields("");
      }
    }
    const search = new URLSearchParams(pairs(spec)).toString();
    if (remember) {
      const page = "/?" + search;
      if (location.pathname + location.search !== page) history.pushState(null, "", page);
    }
    ask(spec, search);
  }

  async function ask(spec, search) {
    const mine = ++running;
    busy(true);
    hide(noteBox);
    const started = performance.now();
    let answer;
    try {
      const response = await fetch("/?" + search, { headers: { Accept: "application/json" } });
      answer = await response.json();
    } catch (error) {
      if (mine === running) {
        busy(false);
        showError("the server did not answer: " + error.message);
      }
      return;
    }
    if (mine !== running) return; // a later run has started
    busy(false);
    const seconds = (performance.now() - started) / 1000;
    if (answer.error) {
      showError(answer.error);
      return;
    }
    hide(errorBox);
    if (answer.note || answer.body === null) {
      results.hidden = true;
      noteBox.textContent = answer.note || "";
      noteBox.hidden = !answer.note;
      return;
    }
    let result;
    try {
      result = answer.media === "application/n-triples" ? fromNTriples(answer.body) : fromJson(JSON.parse(answer.body));
    } catch (error) {
      showError("the answer could not be read: " + error.message);
      return;
    }
    show(result, seconds, answer.truncated, search);
  }

  function busy(on) {
    for (const button of buttons) button.disabled = on;
    main.dataset.busy = on ? "1" : "0";
  }

  function hide(box) {
    box.hidden = true;
    box.textContent = "";
  }

  function showError(message) {
    results.hidden = true;
    hide(noteBox);
    errorBox.textContent = message;
    errorBox.hidden = false;
    const at = /at line (\d+), column (\d+)/.exec(message);
    if (at) caretAt(Number(at[1]), Number(at[2]));
  }

  function caretAt(line, column) {
    const lines = editor.value.split("\n");
    let offset = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
    offset = Math.min(offset + Math.max(column - 1, 0), editor.value.length);
    editor.focus();
    editor.setSelectionRange(offset, offset);
  }

  // --- results --------------------------------------------------------------------------

  function fromJson(data) {
    if ("boolean" in data) return { columns: [], rows: [], boolean: Boolean(data.boolean) };
    const columns = (data.head && data.head.vars) || [];
    const bindings = (data.results && data.results.bindings) || [];
    return { columns: columns, rows: bindings.map((row) => columns.map((name) => cell(row[name]))), boolean: null };
  }

  const TERM = String.raw`<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?`;
  const TRIPLE = new RegExp(String.raw`^(${TERM})\s+(${TERM})\s+(${TERM})\s*\.\s*$`);

  function fromNTriples(text) {
    const rows = [];
    for (const line of text.split("\n")) {
      if (!line.trim() || line.startsWith("#")) continue;
      const found = TRIPLE.exec(line);
      rows.push(found ? [ntCell(found[1]), ntCell(found[2]), ntCell(found[3])] : [cell({ type: "literal", value: line }), cell(), cell()]);
    }
    return { columns: ["subject", "predicate", "object"], rows: rows, boolean: null, graph: true };
  }

  function unescape(text) {
    return text.replace(/\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)/g, (all, code) => {
      if (code[0] === "u" || code[0] === "U") return String.fromCodePoint(parseInt(code.slice(1), 16));
      return { t: "\t", n: "\n", r: "\r", b: "\b", f: "\f" }[code] || code;
    });
  }

  function ntCell(term) {
    if (term.startsWith("<")) return cell({ type: "uri", value: unescape(term.slice(1, -1)) });
    if (term.startsWith("_:")) return cell({ type: "bnode", value: term.slice(2) });
    const end = term.lastIndexOf('"');
    const value = unescape(term.slice(1, end));
    const rest = term.slice(end + 1);
    if (rest.startsWith("@")) return cell({ type: "literal", value: value, "xml:lang": rest.slice(1) });
    if (rest.startsWith("^^")) return cell({ type: "literal", value: value, datatype: rest.slice(3, -1) });
    return cell({ type: "literal", value: value });
  }

  function compact(iri) {
    for (const [prefix, space] of Object.entries(prefixes)) {
      if (iri.startsWith(space) && iri.length > space.length) return prefix + ":" + iri.slice(space.length);
    }
    return iri;
  }

  function hrefFor(iri) {
    let url;
    try {
      url = new URL(iri);
    } catch (error) {
      return null;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (origins.includes(url.protocol + "//" + url.host)) {
      return url.hash ? null : url.pathname + url.search;
    }
    return iri;
  }

  function cell(term) {
    if (!term) return { text: "", kind: "unbound" };
    const value = String(term.value);
    if (term.type === "uri") return { text: value, href: hrefFor(value), kind: "iri" };
    if (term.type === "bnode") return { text: "_:" + value, kind: "bnode" };
    if (term.type === "triple") return { text: JSON.stringify(term.value), kind: "triple" };
    if (term["xml:lang"]) return { text: value, note: "@" + term["xml:lang"], kind: "literal" };
    if (term.datatype && term.datatype !== XSD_STRING && term.datatype !== LANG_STRING) {
      return { text: value, note: compact(term.datatype), kind: "literal" };
    }
    return { text: value, kind: "literal" };
  }

  function element(tag, text) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function show(result, seconds, truncated, search) {
    const count = result.rows.length;
    const what = result.graph ? "triple" : "row";
    let line = result.boolean === null ? `${count} ${what}${count === 1 ? "" : "s"}` : "answer";
    line += ` in ${seconds.toFixed(3)} s`;
    if (truncated) line += "; " + truncated;
    summary.textContent = line;

    downloads.replaceChildren();
    downloads.append("As a file: ");
    (result.graph ? GRAPH_LINKS : RESULT_LINKS).forEach(([label, short], i) => {
      if (i) downloads.append(" · ");
      const link = element("a", label);
      link.href = "/sparql?" + search + "&format=" + short;
      downloads.append(link);
    });

    booleanBox.hidden = result.boolean === null;
    booleanBox.textContent = result.boolean === null ? "" : String(result.boolean);
    table.hidden = result.boolean !== null;
    const head = element("tr");
    for (const column of result.columns) head.append(element("th", column));
    table.tHead.replaceChildren(head);
    const body = table.tBodies[0];
    const rows = result.rows.map((row) => {
      const tr = element("tr");
      for (const c of row) {
        const td = element("td");
        td.className = c.kind;
        if (c.href) {
          const link = element("a", c.text);
          link.href = c.href;
          td.append(link);
        } else {
          td.append(c.text);
        }
        if (c.note) td.append(" ", Object.assign(element("span", c.note), { className: "dt" }));
        tr.append(td);
      }
      return tr;
    });
    body.replaceChildren(...rows);
    results.hidden = false;
  }

  // --- the URL is the query -------------------------------------------------------------

  function fromLocation() {
    const params = new URLSearchParams(location.search);
    const name = params.get("name");
    if (name && Array.from(select.options).some((o) => o.value === name)) {
      select.value = name;
      showFields(name);
      const set = fieldsets().find((s) => s.dataset.for === name);
      if (set) for (const input of set.querySelectorAll("input")) input.value = params.get(input.name) || "";
      editor.value = selectedText();
      run(current(), false);
    } else if (params.get("query")) {
      editor.value = params.get("query");
      run({ text: editor.value }, false);
    } else {
      results.hidden = true;
      hide(errorBox);
    }
  }

  select.addEventListener("change", () => {
    showFields(select.value);
    const text = selectedText();
    if (text !== null) editor.value = text;
    hide(errorBox);
  });
  namedForm.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!select.value) return;
    editor.value = selectedText();
    run(current(), true);
  });
  editorForm.addEventListener("submit", (event) => {
    event.preventDefault();
    run(current(), true);
  });
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run(current(), true);
    }
  });
  window.addEventListener("popstate", fromLocation);
  main.dataset.ready = "1";
})();
