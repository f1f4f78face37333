(function () {
  "use strict";
  // Every string in DATA comes from untrusted documents: it only ever reaches the page
  // through textContent, attribute values or vis-network's text tooltips.
  var DATA = JSON.parse(document.getElementById("ccg-data").textContent);
  var byId = new Map();
  DATA.nodes.forEach(function (n) { byId.set(n.id, n); });
  var adjacency = new Map();
  DATA.nodes.forEach(function (n) { adjacency.set(n.id, []); });
  DATA.edges.forEach(function (e) {
    adjacency.get(e.from).push({ id: e.to, rel: e.rel, out: true });
    adjacency.get(e.to).push({ id: e.from, rel: e.rel, out: false });
  });

  // Documents are referred to by their index in DATA.documents; the filter's options by IRI.
  var docIndex = new Map();
  DATA.documents.forEach(function (d, i) { docIndex.set(d.id, i); });
  var state = { hiddenKinds: new Set(), doc: "", focus: null, visible: null };
  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  var nodeView = new vis.DataView(nodes, {
    filter: function (n) { return state.visible === null || state.visible.has(n.id); }
  });
  var edgeView = new vis.DataView(edges, {
    filter: function (e) {
      return state.visible === null || (state.visible.has(e.from) && state.visible.has(e.to));
    }
  });
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, DATA.options);

  var $ = function (id) { return document.getElementById(id); };
  var panel = $("panel");
  var search = $("search");
  var results = $("search-results");
  var docFilter = $("doc-filter");
  var docSearch = $("doc-search");
  var docResults = $("doc-results");
  // How many nodes mention each document, shown beside it in the source search.
  var docCounts = DATA.documents.map(function () { return 0; });
  DATA.nodes.forEach(function (n) { n.docs.forEach(function (i) { docCounts[i] += 1; }); });
  var hops = $("hops");
  var focusButton = $("focus");
  var statusLine = $("status");

  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        if (key === "text") { node.textContent = props[key]; }
        else if (key === "cls") { node.className = props[key]; }
        else { node.setAttribute(key, props[key]); }
      });
    }
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }

  function webUrl(value) {
    if (typeof value !== "string") { return null; }
    var trimmed = value.trim();
    return /^https?:\/\//i.test(trimmed) ? trimmed : null;
  }

  function link(text, url) {
    var safe = webUrl(url);
    if (!safe) { return el("span", { text: text }); }
    return el("a", { href: safe, text: text, target: "_blank", rel: "noopener noreferrer" });
  }

  function linkName(url) {
    var m;
    if ((m = /wikidata\.org\/(?:wiki|entity)\/(Q\d+)/.exec(url))) { return "Wikidata " + m[1]; }
    if ((m = /ror\.org\/([0-9a-z]+)/.exec(url))) { return "ROR " + m[1]; }
    if ((m = /geonames\.org\/(\d+)/.exec(url))) { return "GeoNames " + m[1]; }
    return url;
  }

  function sourceLink(at) {
    var doc = DATA.documents[at];
    var url = doc ? webUrl(doc.url) : null;
    var parts = [link(doc ? doc.title : "", url)];
    if (url) {
      var host = "";
      try { host = new URL(url).host; } catch (e) { host = ""; }
      if (host) { parts.push(el("span", { cls: "host", text: " (" + host + ")" })); }
    }
    return parts;
  }

  function computeVisible() {
    var all = state.hiddenKinds.size === 0 && state.doc === "" && state.focus === null;
    if (all) { state.visible = null; return; }
    var keep = new Set();
    DATA.nodes.forEach(function (n) {
      if (state.hiddenKinds.has(n.kind)) { return; }
      if (state.doc !== "" && n.docs.indexOf(docIndex.get(state.doc)) < 0) { return; }
      if (state.focus !== null && !state.focus.has(n.id)) { return; }
      keep.add(n.id);
    });
    state.visible = keep;
  }

  function refresh() {
    computeVisible();
    nodeView.refresh();
    edgeView.refresh();
    var shown = state.visible === null ? DATA.nodes.length : state.visible.size;
    statusLine.textContent = shown === DATA.nodes.length
      ? DATA.nodes.length + " nodes, " + DATA.edges.length + " links"
      : "showing " + shown + " of " + DATA.nodes.length + " nodes";
    var selected = network.getSelectedNodes();
    if (selected.length && !isVisible(selected[0])) { closePanel(); }
  }

  function isVisible(id) { return state.visible === null || state.visible.has(id); }

  function neighbourhood(center, k) {
    var seen = new Set([center]);
    var frontier = [center];
    for (var depth = 0; depth < k && frontier.length; depth++) {
      var next = [];
      frontier.forEach(function (id) {
        adjacency.get(id).forEach(function (nb) {
          if (!seen.has(nb.id)) { seen.add(nb.id); next.push(nb.id); }
        });
      });
      frontier = next;
    }
    return seen;
  }

  function fitVisible() {
    if (state.visible === null) {
      network.fit({ animation: false });
    } else if (state.visible.size) {
      network.fit({ nodes: Array.from(state.visible), animation: false });
    }
    relabel();
  }

  function selectNode(id, zoom) {
    if (!byId.has(id)) { return; }
    if (!isVisible(id)) {
      state.hiddenKinds.clear();
      state.doc = "";
      state.focus = null;
      syncControls();
      refresh();
    }
    network.selectNodes([id]);
    showPanel(id);
    if (zoom) {
      network.setSize("100%", "100%");
      network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: false });
      relabel();
    }
  }

  function closePanel() {
    panel.hidden = true;
    while (panel.firstChild) { panel.removeChild(panel.firstChild); }
    network.unselectAll();
    focusButton.disabled = true;
  }

  function section(title, body) {
    return [el("h3", { text: title }), body];
  }

  function showPanel(id) {
    var node = byId.get(id);
    var info = DATA.info[id];
    var kind = DATA.kinds[node.kind];
    while (panel.firstChild) { panel.removeChild(panel.firstChild); }
    var close = el("button", { cls: "close", type: "button", "aria-label": "Close", text: "×" });
    close.addEventListener("click", closePanel);
    var badge = el("span", { cls: "badge", text: node.kind });
    badge.style.background = kind.colour;
    var parts = [close, el("h2", { text: info.label }), badge, el("div", { cls: "iri", text: id })];

    if (info.facts.length) {
      var dl = el("dl");
      info.facts.forEach(function (f) {
        dl.appendChild(el("dt", { text: f[0] }));
        dl.appendChild(el("dd", { text: f[1] }));
      });
      parts = parts.concat(section("Facts", dl));
    }

    var nbs = adjacency.get(id);
    if (nbs.length) {
      var ul = el("ul", { cls: "neighbours" });
      nbs.slice(0, 60).forEach(function (nb) {
        var target = byId.get(nb.id);
        var go = el("button", { cls: "linkish", type: "button", text: target.label });
        go.addEventListener("click", function () { selectNode(nb.id, true); });
        var rel = el("span", { cls: "rel", text: nb.out ? nb.rel + " → " : "← " + nb.rel + " " });
        ul.appendChild(el("li", null, [rel, go]));
      });
      if (nbs.length > 60) { ul.appendChild(el("li", { text: "and " + (nbs.length - 60) + " more" })); }
      parts = parts.concat(section("Connections", ul));
    }

    if (info.evidence.length) {
      var ev = el("div", { cls: "evidence-list" });
      info.evidence.forEach(function (e) {
        var source = el("div", { cls: "source" }, [el("span", { text: "Source: " })].concat(sourceLink(e[1])));
        ev.appendChild(el("div", { cls: "evidence" }, [el("blockquote", { text: e[0] }), source]));
      });
      if (info.more > 0) {
        ev.appendChild(el("p", { cls: "more", text: "and " + info.more + (info.unread > 0 ? "+" : "") + " more sentence" + (info.more === 1 ? "" : "s") }));
      }
      if (info.bound) { ev.appendChild(el("p", { cls: "more", text: info.bound })); }
      parts = parts.concat(section("Said in", ev));
    }

    if (node.docs.length) {
      var dul = el("ul", { cls: "documents" });
      node.docs.slice(0, 60).forEach(function (d) {
        dul.appendChild(el("li", null, sourceLink(d)));
      });
      if (node.docs.length > 60) { dul.appendChild(el("li", { text: "and " + (node.docs.length - 60) + " more" })); }
      parts = parts.concat(section("Mentioned in", dul));
    }

    if (info.links.length) {
      var lul = el("ul", { cls: "links" });
      info.links.forEach(function (u) { lul.appendChild(el("li", null, [link(linkName(u), u)])); });
      parts = parts.concat(section("Elsewhere", lul));
    }

    parts.forEach(function (p) { panel.appendChild(p); });
    panel.hidden = false;
    panel.scrollTop = 0;
    focusButton.disabled = false;
  }

  function syncControls() {
    document.querySelectorAll(".kind-filter").forEach(function (box) {
      box.checked = !state.hiddenKinds.has(box.value);
    });
    if (docFilter) { docFilter.value = state.doc; }
    if (docSearch) {
      docSearch.value = state.doc === "" ? "" : DATA.documents[docIndex.get(state.doc)].title;
      docResults.hidden = true;
    }
  }

  function matches(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return []; }
    var exact = [];
    var starts = [];
    var contains = [];
    for (var i = 0; i < DATA.nodes.length; i++) {
      var n = DATA.nodes[i];
      var label = DATA.info[n.id].label.toLowerCase();
      var at = label.indexOf(q);
      if (at === 0 && label.length === q.length) { exact.push(n); }
      else if (at === 0) { starts.push(n); }
      else if (at > 0 && contains.length < 20) { contains.push(n); }
    }
    return exact.concat(starts, contains).slice(0, 20);
  }

  function showResults() {
    while (results.firstChild) { results.removeChild(results.firstChild); }
    var found = matches(search.value);
    found.forEach(function (n) {
      var b = el("button", { type: "button", "data-id": n.id }, [
        el("span", { text: DATA.info[n.id].label }), el("span", { cls: "kind", text: n.kind })
      ]);
      b.addEventListener("click", function () { pick(n.id); });
      results.appendChild(el("li", { role: "option" }, [b]));
    });
    if (!found.length && search.value.trim()) {
      results.appendChild(el("li", { cls: "none", text: "No match" }));
    }
    results.hidden = !search.value.trim();
  }

  function pick(id) {
    results.hidden = true;
    search.value = DATA.info[id].label;
    selectNode(id, true);
  }

  search.addEventListener("input", showResults);
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var found = matches(search.value);
      if (found.length) { pick(found[0].id); }
    } else if (event.key === "Escape") {
      results.hidden = true;
    }
  });
  document.addEventListener("click", function (event) {
    if (!event.target.closest(".search")) {
      results.hidden = true;
      if (docResults) { docResults.hidden = true; }
    }
  });

  document.querySelectorAll(".kind-filter").forEach(function (box) {
    box.addEventListener("change", function () {
      if (box.checked) { state.hiddenKinds.delete(box.value); } else { state.hiddenKinds.add(box.value); }
      refresh();
    });
  });
  function chooseDocument(id) {
    state.doc = id;
    syncControls();
    refresh();
    fitVisible();
  }

  // With thousands of documents a drop-down list cannot be read: the source filter is then a
  // search box listing the best matches of what is typed, as the name search does.
  function documentMatches(query) {
    var q = query.trim().toLowerCase();
    var starts = [];
    var contains = [];
    for (var i = 0; i < DATA.documents.length && starts.length < 20; i++) {
      var at = DATA.documents[i].title.toLowerCase().indexOf(q);
      if (at === 0) { starts.push(i); } else if (at > 0 && contains.length < 20) { contains.push(i); }
    }
    return starts.concat(contains).slice(0, 20);
  }

  function showDocumentResults() {
    while (docResults.firstChild) { docResults.removeChild(docResults.firstChild); }
    if (!docSearch.value.trim()) {
      docResults.hidden = true;
      if (state.doc !== "") { chooseDocument(""); }
      return;
    }
    var found = documentMatches(docSearch.value);
    found.forEach(function (i) {
      var doc = DATA.documents[i];
      var b = el("button", { type: "button", "data-id": doc.id }, [
        el("span", { text: doc.title }),
        el("span", { cls: "kind", text: docCounts[i] + " node" + (docCounts[i] === 1 ? "" : "s") })
      ]);
      b.addEventListener("click", function () { chooseDocument(doc.id); });
      docResults.appendChild(el("li", { role: "option" }, [b]));
    });
    if (!found.length) { docResults.appendChild(el("li", { cls: "none", text: "No match" })); }
    docResults.hidden = false;
  }

  if (docFilter) {
    docFilter.addEventListener("change", function () { chooseDocument(docFilter.value); });
  }
  if (docSearch) {
    docSearch.addEventListener("input", showDocumentResults);
    docSearch.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        var found = documentMatches(docSearch.value);
        if (found.length) { chooseDocument(DATA.documents[found[0]].id); }
      } else if (event.key === "Escape") {
        docResults.hidden = true;
      }
    });
  }
  focusButton.addEventListener("click", function () {
    var selected = network.getSelectedNodes();
    if (!selected.length) { return; }
    var k = Math.max(1, Math.min(6, parseInt(hops.value, 10) || 1));
    hops.value = String(k);
    state.focus = neighbourhood(selected[0], k);
    refresh();
    fitVisible();
    network.selectNodes([selected[0]]);
  });
  $("reset").addEventListener("click", function () {
    state.hiddenKinds.clear();
    state.doc = "";
    state.focus = null;
    search.value = "";
    results.hidden = true;
    syncControls();
    closePanel();
    refresh();
    fitVisible();
  });

  network.on("click", function (params) {
    if (params.nodes.length) { showPanel(params.nodes[0]); } else if (!params.edges.length) { closePanel(); }
  });

  // Below the zoom at which every label is readable, labels go to the best-connected nodes in
  // view whose label boxes collide with no other label and no bigger node, drawn at a readable
  // size; every other label is drawn too small to show. Chosen again after each zoom or pan.
  var labelled = [];
  var labelMode = null;
  var allSize = DATA.options.nodes.font.size;
  var valueRange = { min: Infinity, max: -Infinity };
  DATA.nodes.forEach(function (n) {
    valueRange.min = Math.min(valueRange.min, n.value);
    valueRange.max = Math.max(valueRange.max, n.value);
  });
  // Places, organisations and people are what a reader looks for first: their labels are
  // offered room before those of posts, figures, quotes and documents.
  var named = new Set(["city", "region", "university", "council", "alliance", "institute", "government",
    "company", "other", "person", "declaration"]);
  var byImportance = DATA.nodes.slice().sort(function (a, b) {
    return (named.has(b.kind) ? 1 : 0) - (named.has(a.kind) ? 1 : 0) || b.value - a.value ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });

  function nodeSize(value) {
    var scaling = DATA.options.nodes.scaling;
    if (valueRange.max === valueRange.min) { return (scaling.min + scaling.max) / 2; }
    var share = (value - valueRange.min) / (valueRange.max - valueRange.min);
    return scaling.min + share * (scaling.max - scaling.min);
  }

  // Label widths measured with the font vis-network draws them in, not guessed from their length.
  var measure = document.createElement("canvas").getContext("2d");
  var widths = new Map();
  function textWidth(text, px) {
    var key = px + "|" + text;
    if (!widths.has(key)) {
      measure.font = px + "px " + DATA.options.nodes.font.face;
      widths.set(key, measure.measureText(text).width);
    }
    return widths.get(key);
  }

  // The boxes, in page pixels, of the labels vis-network draws now: what the label rule is judged by.
  function labelBoxes() {
    var scale = network.getScale();
    var out = [];
    nodeView.getIds().forEach(function (id) {
      var label = network.body.nodes[id] && network.body.nodes[id].labelModule;
      if (!label || !label.visible()) { return; }
      var corner = network.canvasToDOM({ x: label.size.left, y: label.size.top });
      out.push({ id: id, x: corner.x, y: corner.y, width: label.size.width * scale, height: label.size.height * scale });
    });
    return out;
  }

  function chooseLabels(scale) {
    var px = DATA.labels.px;
    var positions = network.getPositions();
    var width = container.clientWidth;
    var height = container.clientHeight;
    var cell = 48;
    function keys(box) {
      var out = [];
      for (var cx = Math.floor(box[0] / cell); cx <= Math.floor(box[2] / cell); cx++) {
        for (var cy = Math.floor(box[1] / cell); cy <= Math.floor(box[3] / cell); cy++) {
          out.push(cx + "," + cy);
        }
      }
      return out;
    }
    function free(grid, box, above) {
      return keys(box).every(function (key) {
        return (grid.get(key) || []).every(function (b) {
          return b[4] <= above || box[2] < b[0] || box[0] > b[2] || box[3] < b[1] || box[1] > b[3];
        });
      });
    }
    function take(grid, box) {
      keys(box).forEach(function (key) {
        if (!grid.has(key)) { grid.set(key, []); }
        grid.get(key).push(box);
      });
    }
    var shapes = new Map();
    var texts = new Map();
    var screen = new Map();
    nodeView.getIds().forEach(function (id) {
      var p = network.canvasToDOM(positions[id]);
      if (p.x < 0 || p.y < 0 || p.x > width || p.y > height) { return; }
      var r = nodeSize(byId.get(id).value) * scale;
      screen.set(id, { x: p.x, y: p.y, r: r });
      if (2 * r >= px) { take(shapes, [p.x - r, p.y - r, p.x + r, p.y + r, r]); }
    });
    var chosen = [];
    var most = Math.min(DATA.labels.most, Math.floor(width * height / DATA.labels.area));
    for (var i = 0; i < byImportance.length && chosen.length < most; i++) {
      var n = byImportance[i];
      var at = screen.get(n.id);
      if (!at) { continue; }
      var half = (textWidth(n.label, px) + 8) / 2;
      var top = at.y + at.r;
      var box = [at.x - half, top, at.x + half, top + px * 1.5 + 4];
      var room = [box[0] - px, box[1] - px / 2, box[2] + px, box[3] + px / 2];
      if (free(shapes, box, at.r) && free(texts, room, -1)) {
        take(texts, box);
        chosen.push(n.id);
      }
    }
    return chosen;
  }

  function relabel() {
    var base = DATA.labels.base;
    var scale = network.getScale();
    var chosen = base * scale >= DATA.labels.px ? [] : chooseLabels(scale);
    labelMode = chosen.length ? "chosen" : "all";
    var all = labelMode === "all" ? base : DATA.options.nodes.font.size;
    if (all !== allSize) {
      allSize = all;
      network.setOptions({ nodes: { font: { size: all } } });
    }
    var keep = new Set(chosen);
    var updates = labelled.filter(function (id) { return !keep.has(id); }).map(function (id) {
      return { id: id, font: { size: all } };
    });
    chosen.forEach(function (id) {
      updates.push({ id: id, font: { size: DATA.labels.px / scale } });
    });
    nodes.update(updates);
    labelled = chosen;
  }

  var relabelLater = null;
  function scheduleRelabel() {
    clearTimeout(relabelLater);
    relabelLater = setTimeout(relabel, 120);
  }
  network.on("zoom", scheduleRelabel);
  network.on("dragEnd", scheduleRelabel);

  // view.html#node=IRI (as report.html links each entity) opens with that node selected.
  function selectFromHash() {
    var m = /^#node=(.+)$/.exec(window.location.hash);
    if (!m) { return; }
    var id = null;
    try { id = decodeURIComponent(m[1]); } catch (e) { id = null; }
    if (id !== null && byId.has(id)) { selectNode(id, true); }
  }
  window.addEventListener("hashchange", selectFromHash);

  function opened() {
    network.fit({ animation: false });
    relabel();
    selectFromHash();
    network.once("afterDrawing", function () {
      window.ccgReadyAt = performance.now();
      document.body.setAttribute("data-ready", "1");
    });
    network.redraw();
  }

  if (DATA.physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      opened();
    });
  } else {
    opened();
  }

  window.ccgView = {
    network: network,
    select: function (id) { selectNode(id, true); },
    visibleNodeIds: function () { return nodeView.getIds(); },
    labelled: function () { return labelled.slice(); },
    labelMode: function () { return labelMode; },
    labelBoxes: labelBoxes,
    visibleEdgeIds: function () { return edgeView.getIds(); }
  };
})();
