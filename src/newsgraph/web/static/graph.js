// Actor graph: actors as nodes (colour = kind), events as edges (width = number of events,
// colour = mean Goldstein score, line = factuality: a denied attack must not look like a
// reported one). Filters reload the elements from /api/graph and stay in the address, so a
// filtered graph can be linked; clicking an edge lists its mentions with links to the sentences.
(function () {
  "use strict";
  var form = document.getElementById("graph-filters");
  var status = document.getElementById("graph-status");
  var mentionList = document.getElementById("edge-mentions");
  var KIND_COLOURS = { country: "#f59e0b", organization: "#16a34a", person: "#2563eb", group: "#db2777", outlet: "#7c3aed", agent: "#0891b2" };
  var MAX_EVENTS = 25;

  var cy = cytoscape({
    container: document.getElementById("graph"),
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: {
        "label": "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3,
        "background-color": function (n) { return KIND_COLOURS[n.data("kind")] || "#64748b"; },
        "width": 22, "height": 22 } },
      { selector: "edge", style: {
        "curve-style": "bezier", "target-arrow-shape": "triangle", "arrow-scale": 0.8,
        "width": function (e) { return Math.min(2 + e.data("count"), 10); },
        "line-color": function (e) { return goldsteinColour(e.data("mean_goldstein")); },
        "target-arrow-color": function (e) { return goldsteinColour(e.data("mean_goldstein")); },
        "label": "data(plover_type)", "font-size": 9, "color": "#475569", "text-rotation": "autorotate" } },
      { selector: "edge[factuality = 'hedged']", style: { "opacity": 0.4 } },
      { selector: "edge[factuality = 'negated']", style: { "line-style": "dashed", "line-dash-pattern": [6, 4] } },
      { selector: "edge[factuality = 'disputed']", style: {
        "line-style": "dotted", "source-arrow-shape": "diamond", "source-arrow-color": "#7c3aed",
        "label": function (e) { return "? " + (e.data("plover_type") || ""); } } },
      { selector: "edge:selected", style: { "line-color": "#facc15", "target-arrow-color": "#facc15" } }
    ]
  });
  window.newsgraphGraph = cy;  // for the browser tests and the console

  function goldsteinColour(score) {
    if (score === null || score === undefined) return "#94a3b8";
    return score < 0 ? "#dc2626" : "#16a34a";
  }

  function query() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) { if (value !== "") params.append(key, value); });
    return params.toString();
  }

  function load() {
    status.textContent = "Loading…";
    return fetch("/api/graph?" + query(), { headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) throw new Error(body.error ? body.error.message : JSON.stringify(body.detail));
          return body;
        });
      })
      .then(function (graph) {
        cy.elements().remove();
        cy.add(graph.nodes.map(function (n) { return { group: "nodes", data: n }; }));
        cy.add(graph.edges.map(function (e) { return { group: "edges", data: e }; }));
        cy.layout({ name: "cose", animate: false, padding: 30 }).run();
        status.textContent = graph.nodes.length + " actors, " + graph.edges.length + " edges" +
          (graph.total_nodes > graph.nodes.length ? " (the busiest of " + graph.total_nodes + " actors; empty Top actors shows all)" : "");
        status.dataset.nodes = graph.nodes.length;
        status.dataset.edges = graph.edges.length;
        mentionList.replaceChildren();
      })
      .catch(function (error) { status.textContent = "Could not load the graph: " + error.message; });
  }

  function mentionItem(mention) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    var start = mention.trigger_start;
    link.href = "/articles/" + encodeURIComponent(mention.article_id) + (start !== null && start !== undefined ? "#t-" + Number(start) : "");
    link.textContent = mention.outlet || mention.article_id;
    var sentence = document.createElement("q");
    sentence.textContent = mention.sentence || "";
    var chain = document.createElement("span");
    chain.className = "said-by";
    chain.textContent = "said by " + (mention.chain || ["author"]).join(" → ") + (mention.factuality ? " · " + mention.factuality : "");
    item.append(link, ": ", sentence, chain);
    return item;
  }

  cy.on("tap", "edge", function (event) {
    var edge = event.target.data();
    mentionList.replaceChildren();
    var ids = edge.event_ids.slice(0, MAX_EVENTS);
    Promise.all(ids.map(function (id) {
      // a page of the event's reports (the first 100: an edge lists a few events' reports, not archives)
      return fetch("/api/events/" + encodeURIComponent(id) + "/mentions").then(function (r) { return r.ok ? r.json() : { items: [] }; });
    })).then(function (lists) {
      lists.forEach(function (page) { page.items.forEach(function (m) { mentionList.appendChild(mentionItem(m)); }); });
      mentionList.dataset.loaded = String(mentionList.children.length);
    });
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    history.pushState(null, "", "/graph?" + query());  // the filters stay in the address
    load();
  });
  window.addEventListener("popstate", function () { window.location.reload(); });
  load();
})();
