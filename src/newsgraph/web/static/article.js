// Article page: hovering a highlighted span previews its record, clicking pins it and, for
// attributions, shows the source chain. Article text only ever reaches the page as textContent.
(function () {
  "use strict";
  var records = JSON.parse(document.getElementById("records").textContent);
  var text = document.getElementById("article-text");
  var recordPanel = document.getElementById("record");
  var chainPanel = document.getElementById("chain");
  var chainSteps = document.getElementById("chain-steps");
  var pinned = null;

  function el(tag, content, className) {
    var node = document.createElement(tag);
    if (content !== undefined && content !== null) node.textContent = content;
    if (className) node.className = className;
    return node;
  }

  function show(value) {
    if (value === null || value === undefined) return "—";
    if (typeof value === "object") return JSON.stringify(value);
    return String(value);
  }

  function renderRecords(refs) {
    recordPanel.replaceChildren(el("h2", "Record"));
    refs.forEach(function (ref) {
      var entry = records[ref];
      if (!entry) return;
      recordPanel.appendChild(el("h3", entry.title));
      var list = el("dl");
      Object.keys(entry.record).forEach(function (key) {
        list.appendChild(el("dt", key));
        list.appendChild(el("dd", show(entry.record[key])));
      });
      recordPanel.appendChild(list);
    });
  }

  function renderChain(refs) {
    var ref = refs.find(function (r) { return r.indexOf("attribution:") === 0; }) ||
              refs.find(function (r) { return records[r] && records[r].chain; });
    if (!ref) { chainPanel.hidden = true; return; }
    chainSteps.replaceChildren();
    records[ref].chain.forEach(function (name) { chainSteps.appendChild(el("li", name)); });
    chainPanel.dataset.ref = ref;
    chainPanel.hidden = false;
  }

  function highlight(refs) {
    text.querySelectorAll(".active").forEach(function (node) { node.classList.remove("active"); });
    text.querySelectorAll("[data-refs]").forEach(function (node) {
      var own = node.dataset.refs.split(" ");
      if (refs.some(function (r) { return own.indexOf(r) >= 0; })) node.classList.add("active");
    });
  }

  // A source or cue stands for its attribution; elsewhere the innermost record comes first.
  function refsOf(node) {
    var refs = node.dataset.refs.split(" ");
    var order = node.classList.contains("source") || node.classList.contains("cue")
      ? ["attribution:", "actor:", "event:", "marker:"]
      : ["event:", "actor:", "marker:", "attribution:"];
    return refs.slice().sort(function (a, b) {
      return order.findIndex(function (p) { return a.indexOf(p) === 0; }) -
             order.findIndex(function (p) { return b.indexOf(p) === 0; });
    });
  }

  function select(refs, pin) {
    if (pin) pinned = refs;
    renderRecords(refs);
    renderChain(refs);
    highlight(pin ? refs : []);
  }

  text.addEventListener("mouseover", function (event) {
    var node = event.target.closest("[data-refs]");
    if (node && !pinned) select(refsOf(node), false);
  });
  text.addEventListener("click", function (event) {
    var node = event.target.closest("[data-refs]");
    if (node) select(refsOf(node), true);
  });
  document.querySelectorAll("a.ref[data-ref]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var ref = link.dataset.ref;
      select([ref], true);
      var first = Array.prototype.find.call(text.querySelectorAll("[data-refs]"), function (node) {
        return node.dataset.refs.split(" ").indexOf(ref) >= 0;
      });
      if (first) { event.preventDefault(); first.scrollIntoView({ block: "center" }); }
    });
  });
})();
