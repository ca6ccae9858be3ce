"""How each ontology class looks in the views: one colour and one shape per class, and the legend.

Colours are the Tableau 10 palette (distinct for colour-blind readers); shapes differ too, so a class
can be told apart in greyscale. Labels go under the shapes (vis-network's dot, diamond, triangle, ...).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NodeStyle:
    name: str          # shown in the legend
    color: str
    border: str
    shape: str         # a vis-network shape with the label outside


NODE_STYLES = {
    "Company": NodeStyle("Company", "#4E79A7", "#2F4B66", "dot"),
    "Product": NodeStyle("Product", "#F28E2B", "#A65E16", "diamond"),
    "Market": NodeStyle("Market", "#59A14F", "#376430", "triangle"),
    "Person": NodeStyle("Person", "#B07AA1", "#74506A", "triangleDown"),
    "Executive": NodeStyle("Executive", "#D4486B", "#8E2C45", "star"),
    "Claim": NodeStyle("Claim", "#EDC948", "#A08628", "square"),
    "Event": NodeStyle("Market event", "#76B7B2", "#467C78", "hexagon"),
}
UNKNOWN = NodeStyle("Other", "#BAB0AC", "#7A716D", "dot")

EDGE_COLORS = {
    "fact": "#8795A8",
    "claim": "#C9A227",
    "event": "#5E9C97",
}
HIGHLIGHT = "#1F2933"


def node_style(kind: str, type_: str) -> NodeStyle:
    if kind == "event":
        return NODE_STYLES["Event"]
    return NODE_STYLES.get(type_, UNKNOWN)


def vis_color(style: NodeStyle) -> dict:
    return {"background": style.color, "border": style.border,
            "highlight": {"background": style.color, "border": HIGHLIGHT},
            "hover": {"background": style.color, "border": HIGHLIGHT}}


def legend(counts: dict[str, int], edge_kinds: dict[str, int]) -> dict:
    """Legend entries for the classes and edge kinds present, in a fixed order, with their counts."""
    nodes = [{"name": style.name, "shape": style.shape, "color": style.color, "border": style.border,
              "count": counts[key]} for key, style in NODE_STYLES.items() if counts.get(key)]
    if counts.get("Other"):
        nodes.append({"name": UNKNOWN.name, "shape": UNKNOWN.shape, "color": UNKNOWN.color,
                      "border": UNKNOWN.border, "count": counts["Other"]})
    names = {"fact": "fact (label: predicate)", "claim": "claim (label: what was said)",
             "event": "event participant"}
    edges = [{"name": names[key], "color": EDGE_COLORS[key], "count": n} for key, n in edge_kinds.items() if n]
    return {"nodes": nodes, "edges": edges}
