/* kg view: draws the network data of the page's #kg-data block (built by pyvis in kg.visualizations)
 * with vis-network. Part of kg (MIT).
 *
 * Tooltips and the details panel are built with textContent from structured data (item.tip), so a
 * string read from a document is never parsed as HTML. The pyvis bindings (pyvis-utils.js) drive the
 * select and filter menus; they expect the globals declared below. */
var nodes, edges, network, allNodes, allEdges, nodeColors;
var highlightActive = false;
var filterActive = false;
var filter = {item: "", property: "", value: []};

(function () {
  "use strict";
  var KG_DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var page = JSON.parse(document.getElementById("kg-page").textContent);
  var started = performance.now();
  var FILTER_PROPERTIES = {node: ["type", "label"], edge: ["predicate", "document"]};

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function tipElement(tip) {
    var box = el("div", "kg-tip");
    box.appendChild(el("div", "kg-tip-title", tip.title));
    if (tip.subtitle) box.appendChild(el("div", "kg-tip-subtitle", tip.subtitle));
    (tip.lines || []).forEach(function (line) {
      var row = el("div", "kg-tip-row");
      row.appendChild(el("span", "kg-tip-key", line[0]));
      row.appendChild(el("span", "kg-tip-value", line[1]));
      box.appendChild(row);
    });
    (tip.evidence || []).forEach(function (evidence) {
      var quote = el("blockquote", "kg-tip-evidence", "\u201c" + evidence.sentence + "\u201d");
      box.appendChild(quote);
      var source = evidence.document + (evidence.title && evidence.title !== evidence.document ? " \u00b7 " + evidence.title : "");
      box.appendChild(el("div", "kg-tip-source", source));
    });
    if (tip.more) box.appendChild(el("div", "kg-tip-more", "and " + tip.more + " more"));
    return box;
  }

  function withTitles(items) {
    for (var i = 0; i < items.length; i++) {
      if (items[i].tip) items[i].title = tipElement(items[i].tip);
    }
    return items;
  }

  function setState(state, how) {
    document.body.dataset.kgState = state;
    window.kgView.state = state;
    if (how) window.kgView.how = how;
    if (state === "stable") {
      window.kgView.stableMs = performance.now() - started;   // since this script started
      window.kgView.stableAt = performance.now();             // since navigation started
    }
  }

  function hideLoading() {
    var loading = document.getElementById("kg-loading");
    if (loading) {
      loading.style.pointerEvents = "none";   // let the mouse through while it fades
      loading.style.opacity = 0;
      setTimeout(function () { loading.style.display = "none"; }, 300);
    }
  }

  function showDetails(params) {
    var panel = document.getElementById("kg-details");
    var item = null;
    if (params.nodes && params.nodes.length) item = nodes.get(params.nodes[0]);
    else if (params.edges && params.edges.length) item = edges.get(params.edges[0]);
    panel.textContent = "";
    if (!item || !item.tip) { panel.hidden = true; return; }
    var close = el("button", "kg-close", "\u00d7");
    close.type = "button";
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", function () { panel.hidden = true; });
    panel.appendChild(close);
    panel.appendChild(tipElement(item.tip));
    panel.hidden = false;
  }

  function drawTimeline(ctx) {
    if (!page.timeline || !page.timeline.length) return;
    var scale = network.getScale();
    var topLeft = network.DOMtoCanvas({x: 0, y: 0});
    var container = document.getElementById("mynetwork");
    var bottomRight = network.DOMtoCanvas({x: container.clientWidth, y: container.clientHeight});
    ctx.save();
    ctx.lineWidth = 1 / scale;
    ctx.setLineDash([6 / scale, 6 / scale]);
    ctx.strokeStyle = "#CBD2D9";
    ctx.fillStyle = "#52606D";
    ctx.font = (12 / scale) + "px system-ui, -apple-system, 'Segoe UI', sans-serif";
    ctx.textAlign = "center";
    page.timeline.forEach(function (tick) {
      ctx.beginPath();
      ctx.moveTo(tick.x, topLeft.y);
      ctx.lineTo(tick.x, bottomRight.y);
      ctx.stroke();
      ctx.fillText(tick.label, tick.x, topLeft.y + 16 / scale);
    });
    ctx.restore();
  }

  function draw() {
    var container = document.getElementById("mynetwork");
    nodes = new vis.DataSet(withTitles(KG_DATA.nodes));
    edges = new vis.DataSet(withTitles(KG_DATA.edges));
    nodeColors = {};
    allNodes = nodes.get({returnType: "Object"});
    for (var nodeId in allNodes) nodeColors[nodeId] = allNodes[nodeId].color;
    allEdges = edges.get({returnType: "Object"});
    window.kgView = {nodes: nodes, edges: edges, page: page, state: "loading"};
    network = new vis.Network(container, {nodes: nodes, edges: edges}, KG_DATA.options);
    window.kgView.network = network;

    network.on("click", function (params) {
      neighbourhoodHighlight(params);
      showDetails(params);
    });
    network.on("beforeDrawing", drawTimeline);

    if (page.physics) {
      network.on("stabilizationProgress", function (params) {
        var share = params.iterations / params.total;
        document.getElementById("kg-bar").style.width = Math.round(100 * share) + "%";
        document.getElementById("kg-progress").textContent = "laying out\u2026 " + Math.round(100 * share) + "%";
      });
      network.once("stabilizationIterationsDone", function () {
        // the layout has settled: freeze it, so that dragging a node moves only that node
        network.setOptions({physics: {enabled: false}});
        hideLoading();
        network.fit();
        setState("stable", "stabilized");
      });
    } else {
      network.once("afterDrawing", function () { setState("stable", "static layout"); });
    }
  }

  function selectMenu() {
    if (!document.getElementById("select-node")) return;
    var options = nodes.get().map(function (node) {
      return {value: node.id, text: node.tip ? node.tip.title + " (" + node.type + ")" : String(node.label)};
    });
    var control = new TomSelect("#select-node", {
      options: options, maxOptions: 200, create: false, sortField: {field: "text", direction: "asc"},
      onChange: function (id) {
        if (!id) return;
        selectNode([id]);
        network.focus(id, {scale: Math.max(network.getScale(), 1.1), animation: {duration: 400}});
        showDetails({nodes: [id]});
      }
    });
    document.getElementById("kg-reset-selection").addEventListener("click", function () {
      control.clear(true);
      network.unselectAll();
      neighbourhoodHighlight({nodes: []});
      showDetails({});
    });
  }

  function filterMenu() {
    if (!document.getElementById("select-item")) return;
    var settings = {create: false, sortField: {field: "text", direction: "asc"}};
    var valueControl = new TomSelect("#select-value", Object.assign({}, settings, {
      maxItems: null, maxOptions: 500, valueField: "id", labelField: "title", searchField: "title",
      onItemAdd: function (value) { filter.value.push(value); }
    }));
    var propertyControl = new TomSelect("#select-property", Object.assign({}, settings, {
      valueField: "id", labelField: "title", searchField: "title",
      onItemAdd: function (property) {
        filter.property = property;
        valueControl.clear(); valueControl.clearOptions(); filter.value = [];
        var items = filter.item === "node" ? nodes.get() : edges.get();
        var seen = {};
        items.forEach(function (item) {
          var value = item[property];
          if (value === undefined || value === null || seen[value]) return;
          seen[value] = true;
          valueControl.addOption({id: String(value), title: String(value)});
        });
      }
    }));
    var itemControl = new TomSelect("#select-item", Object.assign({}, settings, {
      onItemAdd: function (item) {
        filter.item = item;
        propertyControl.clear(); propertyControl.clearOptions();
        valueControl.clear(); valueControl.clearOptions();
        filter.property = ""; filter.value = [];
        (FILTER_PROPERTIES[item] || []).forEach(function (name) { propertyControl.addOption({id: name, title: name}); });
      }
    }));
    document.getElementById("kg-apply-filter").addEventListener("click", function () {
      if (filter.item && filter.property && filter.value.length) highlightFilter(filter);
    });
    document.getElementById("kg-reset-filter").addEventListener("click", function () {
      itemControl.clear(true); propertyControl.clear(true); propertyControl.clearOptions();
      valueControl.clear(true); valueControl.clearOptions();
      filter = {item: "", property: "", value: []};
      filterHighlight({nodes: []});
    });
  }

  draw();
  selectMenu();
  filterMenu();
  document.getElementById("kg-fit").addEventListener("click", function () {
    network.fit({animation: {duration: 400}});
  });
})();
