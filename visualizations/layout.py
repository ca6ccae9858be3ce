"""Static layouts computed in Python, for graphs too large for the browser's physics to settle.

vis-network's physics is O(n log n) per step but needs thousands of steps for a few thousand nodes:
a 5,000-node graph never settles in a browser. So large views ship with positions and physics off.

networkx's spring_layout needs SciPy beyond 500 nodes (not a kg dependency) and its dense
Fruchterman-Reingold is O(n^2) in time and memory (a 5,000-node run allocates 400 MB per step).
`force_layout` is Fruchterman-Reingold with the repulsion estimated from a random sample of nodes
each step (exact attraction along every edge, a weak gravity that keeps components together):
O(n * sample + edges) per step, about a second for 5,000 nodes, which is plenty for an overview
that people then zoom into.
"""

from __future__ import annotations

import math
from collections.abc import Hashable

import networkx as nx
import numpy as np


def force_layout(graph: nx.Graph, *, iterations: int = 120, sample: int = 300, seed: int = 7,
                 edge_length: float = 110.0, fixed_x: dict[Hashable, float] | None = None,
                 initial: dict[Hashable, tuple[float, float]] | None = None) -> dict[Hashable, tuple[float, float]]:
    """Positions in screen units (an edge is about `edge_length` long). Nodes in `fixed_x` keep their x."""
    nodes = list(graph)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        only = nodes[0]
        return {only: ((fixed_x or {}).get(only, 0.0), 0.0)}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = np.array([(index[u], index[v]) for u, v in graph.edges() if u != v], dtype=np.int64).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    k = 1.0                                    # ideal edge length in layout units
    side = math.sqrt(n) * k
    pos = rng.uniform(-side / 2, side / 2, size=(n, 2))
    for node, (x, y) in (initial or {}).items():
        if node in index:
            pos[index[node]] = (x / edge_length, y / edge_length)
    pinned = np.zeros(n, dtype=bool)
    pinned_x = np.zeros(n)
    for node, x in (fixed_x or {}).items():
        if node in index:
            pinned[index[node]] = True
            pinned_x[index[node]] = x / edge_length
    pos[pinned, 0] = pinned_x[pinned]
    degree = np.bincount(pairs.ravel(), minlength=n).astype(float) + 1.0
    temperature = side / 8
    cooling = (0.02 / 8) ** (1 / max(iterations, 1))   # from side/8 down to side/400
    x, y = pos[:, 0].copy(), pos[:, 1].copy()
    for _ in range(iterations):
        size = min(sample, n)
        others = rng.choice(n, size=size, replace=False)
        dx = x[:, None] - x[None, others]                              # n x sample
        dy = y[:, None] - y[None, others]
        inverse = (k * k * n / size) / (dx * dx + dy * dy + 1e-4)      # FR repulsion k^2/d, along (dx, dy)/d
        fx = (dx * inverse).sum(axis=1)
        fy = (dy * inverse).sum(axis=1)
        if len(pairs):
            ex = x[pairs[:, 0]] - x[pairs[:, 1]]
            ey = y[pairs[:, 0]] - y[pairs[:, 1]]
            pull = np.sqrt(ex * ex + ey * ey) / k                      # FR attraction d^2/k, along the edge
            fx -= np.bincount(pairs[:, 0], ex * pull, n) - np.bincount(pairs[:, 1], ex * pull, n)
            fy -= np.bincount(pairs[:, 0], ey * pull, n) - np.bincount(pairs[:, 1], ey * pull, n)
        fx -= x * 0.02 * degree                                        # gravity, stronger on hubs
        fy -= y * 0.02 * degree
        norm = np.sqrt(fx * fx + fy * fy) + 1e-9
        step = np.minimum(norm, temperature) / norm
        x += fx * step
        y += fy * step
        x[pinned] = pinned_x[pinned]
        temperature *= cooling
    pos = np.column_stack([x, y])
    pos *= edge_length
    return {node: (float(pos[i, 0]), float(pos[i, 1])) for i, node in enumerate(nodes)}


def date_key(value: str | None) -> tuple[int, int, int] | None:
    """'2019', '2019-04' and '2019-04-13' as sortable (year, month, day); None when not a date."""
    if not value:
        return None
    parts = str(value)[:10].split("-")
    try:
        numbers = [int(p) for p in parts if p]
    except ValueError:
        return None
    if not numbers:
        return None
    return tuple((numbers + [0, 0])[:3])  # type: ignore[return-value]


def timeline_columns(dates: dict[Hashable, str | None], spacing: float = 240.0) -> tuple[dict[Hashable, float], list[dict]]:
    """x of each dated item, one column per distinct date in time order; undated items in a last column.

    Columns are ordinal, not proportional to time: news events cluster in a few days and then jump
    years, and even spacing keeps every column readable (the tick says the date)."""
    keyed = {item: date_key(value) for item, value in dates.items()}
    distinct = sorted({key for key in keyed.values() if key is not None})
    labels: dict[tuple, str] = {}
    for item, key in keyed.items():
        if key is not None:
            value = str(dates[item])[:10]
            if len(value) > len(labels.get(key, "")):
                labels[key] = value
    column = {key: i for i, key in enumerate(distinct)}
    positions = {}
    undated_x = len(distinct) * spacing
    for item, key in keyed.items():
        positions[item] = column[key] * spacing if key is not None else undated_x
    ticks = [{"x": column[key] * spacing, "label": labels[key]} for key in distinct]
    if any(key is None for key in keyed.values()):
        ticks.append({"x": undated_x, "label": "undated"})
    return positions, ticks
