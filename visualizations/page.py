"""The HTML page around a pyvis network: one self-contained file that opens from disk with no network.

pyvis builds the network data (nodes, edges, options) and renders it through its Jinja hook
(`Network.generate_html`), but with this module's template instead of pyvis's own, which links
bootstrap from a CDN even in `in_line` mode. Every script and stylesheet is inlined from
`kg.visualizations.assets` (see assets/README.md for versions and licences). The page is written by
us, never by `Network.write_html`, which would copy a `lib/` folder into the working directory.

Escaping: the template is rendered with autoescape on; the network data (pyvis's nodes and edges, the
options) goes in through `tojson` as JSON data blocks (<script type="application/json">), with <, >,
& and ' escaped so that no document string can close the element; tooltips are built in the browser
with textContent from structured data, so no document string is ever parsed as HTML. A
Content-Security-Policy forbids every fetch (default-src 'none'), so even a mistake could not
reach the network.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path

from jinja2 import DictLoader, Environment, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

ASSETS = ("vis-network.min.css", "tom-select.min.css", "kg-view.css",
          "vis-network.min.js", "tom-select.complete.min.js", "pyvis-utils.js", "kg-view.js")

# Legend icons: trusted SVG, one per vis-network shape used in style.NODE_STYLES.
_SHAPES = {
    "dot": '<circle cx="8" cy="8" r="6"/>',
    "diamond": '<polygon points="8,1 15,8 8,15 1,8"/>',
    "triangle": '<polygon points="8,1.5 15,14 1,14"/>',
    "triangleDown": '<polygon points="1,2 15,2 8,14.5"/>',
    "star": '<polygon points="8,1 9.9,6 15,6 10.8,9.2 12.4,14.5 8,11.3 3.6,14.5 5.2,9.2 1,6 6.1,6"/>',
    "square": '<rect x="2" y="2" width="12" height="12"/>',
    "hexagon": '<polygon points="4.5,2 11.5,2 15,8 11.5,14 4.5,14 1,8"/>',
}

TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<meta name="generator" content="kg viz (pyvis {{ kg.pyvis_version }}, vis-network 9.1.2)">
<title>{{ heading }}</title>
{% for name in kg.styles %}<style>/* {{ name }} */
{{ kg.assets[name] }}</style>
{% endfor %}
</head>
<body data-kg-state="loading" data-kg-view="{{ kg.page.view }}">
<header class="kg-header">
  <div class="kg-title">
    <h1>{{ heading }}</h1>
    <p class="kg-subtitle">{{ kg.page.subtitle }}</p>
  </div>
  {% if kg.page.note %}<p class="kg-note" role="status" id="kg-note">{{ kg.page.note }}</p>{% endif %}
</header>
<nav class="kg-toolbar">
  {% if select_menu %}
  <div class="kg-menu" id="select-menu">
    <label for="select-node">Find</label>
    <select id="select-node" placeholder="a node by name\u2026"></select>
    <button type="button" id="kg-reset-selection">Reset</button>
  </div>
  {% endif %}
  {% if filter_menu %}
  <div class="kg-menu" id="filter-menu">
    <label for="select-item">Filter</label>
    <select id="select-item"><option value="">item\u2026</option><option value="node">nodes</option><option value="edge">edges</option></select>
    <select id="select-property"><option value="">property\u2026</option></select>
    <select id="select-value" multiple placeholder="value(s)\u2026"></select>
    <button type="button" id="kg-apply-filter">Filter</button>
    <button type="button" id="kg-reset-filter">Reset</button>
  </div>
  {% endif %}
  <div class="kg-menu kg-actions"><button type="button" id="kg-fit">Fit</button></div>
</nav>
<main class="kg-main">
  <div id="mynetwork" style="background-color: {{ bgcolor }}"></div>
  <aside class="kg-side">
  <section class="kg-legend" id="kg-legend" aria-label="Legend">
    <h2>Legend</h2>
    <ul>
    {% for item in kg.page.legend.nodes %}
      <li><svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true"><g fill="{{ item.color }}" stroke="{{ item.border }}" stroke-width="1.2">{{ kg.shapes[item.shape] }}</g></svg>
        <span class="kg-legend-name">{{ item.name }}</span> <span class="kg-count">{{ item.count }}</span></li>
    {% endfor %}
    {% for item in kg.page.legend.edges %}
      <li><svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true"><line x1="1" y1="8" x2="15" y2="8" stroke="{{ item.color }}" stroke-width="2"/></svg>
        <span class="kg-legend-name">{{ item.name }}</span> <span class="kg-count">{{ item.count }}</span></li>
    {% endfor %}
    </ul>
    <p class="kg-hint">Size: number of links. Hover or click a node or an edge for its evidence.</p>
  </section>
  <section class="kg-details" id="kg-details" hidden aria-live="polite"></section>
  </aside>
  {% if physics_enabled %}<div class="kg-loading" id="kg-loading"><div class="kg-bar"><div id="kg-bar"></div></div><span id="kg-progress">laying out\u2026</span></div>{% endif %}
</main>
<script type="application/json" id="kg-data">{"nodes": {{ nodes|tojson }}, "edges": {{ edges|tojson }}, "options": {{ kg.options|tojson }}}</script>
<script type="application/json" id="kg-page">{{ kg.page|tojson }}</script>
{% for name in kg.scripts %}<script>/* {{ name }} */
{{ kg.assets[name] }}</script>
{% endfor %}
</body>
</html>
"""


@cache
def asset(name: str) -> str:
    """A shipped asset's text, made safe to inline: no `</script` or `</style` can end its element early."""
    text = resources.files("kg.visualizations.assets").joinpath(name).read_text(encoding="utf-8")
    return re.sub(r"</(script|style)", r"<\\/\1", text, flags=re.IGNORECASE)


def _environment(page: dict, options: dict) -> Environment:
    import pyvis

    env = Environment(loader=DictLoader({"kg-view.html": TEMPLATE}), autoescape=select_autoescape(default=True))
    env.globals["kg"] = {
        "page": page,
        "options": options,
        "assets": {name: Markup(asset(name)) for name in ASSETS},
        "styles": [name for name in ASSETS if name.endswith(".css")],
        "scripts": [name for name in ASSETS if name.endswith(".js")],
        "shapes": {name: Markup(svg) for name, svg in _SHAPES.items()},
        "pyvis_version": getattr(pyvis, "__version__", "0.3"),
    }
    return env


def render_page(net: Network, page: dict) -> str:
    """The network's page as one HTML string, rendered by pyvis through the kg template."""
    net.templateEnv = _environment(page, net.options)
    net.path = "kg-view.html"
    return net.generate_html(name="view.html")


def write_page(net: Network, page: dict, path: Path) -> int:
    """Write the page to `path` (and nothing else anywhere); returns its size in bytes."""
    html = render_page(net, page)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = html.encode("utf-8")
    path.write_bytes(data)
    return len(data)
