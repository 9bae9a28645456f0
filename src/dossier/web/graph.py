"""The derivation graph of a story, laid out in layers for a small server-rendered SVG.

Originals sit in the top layer; each article is one layer below the article it was derived from
(the build's derivation edges, `oriented`). Links with no direction are drawn between nodes but do
not push them down.
"""

from __future__ import annotations

NODE_WIDTH, NODE_HEIGHT = 210, 48
GAP_X, GAP_Y, MARGIN = 30, 70, 16
TOP = 52  # room above the first layer for arcs between nodes of one layer
LABEL_CHARS = 27  # what fits in NODE_WIDTH at the SVG's 12px font


def source_and_copy(link: dict) -> tuple[str, str] | None:
    """(source, copy) of a directed link, None when the direction is unknown."""
    if link.get("direction") == "a_to_b":
        return link["a"], link["b"]
    if link.get("direction") == "b_to_a":
        return link["b"], link["a"]
    return None


def oriented(links: list[dict], edges: list[dict]) -> list[dict]:
    """Links pointed the way the build's derivation edges (`Story.edges`) go: an edge whose
    direction the build inferred from its lineage (basis "lineage") directs the link it follows."""
    direction = {(e["source"], e["derived"]) for e in edges}
    out = []
    for link in links:
        if (link["a"], link["b"]) in direction:
            link = dict(link, direction="a_to_b")
        elif (link["b"], link["a"]) in direction:
            link = dict(link, direction="b_to_a")
        out.append(link)
    return out


def depths(nodes: list[str], links: list[dict]) -> dict[str, int]:
    """Layer of each node: 0 for originals, else one more than its deepest source. Bounded by the
    node count, so a (wrong) cycle of directions cannot loop forever."""
    depth = {n: 0 for n in nodes}
    directed = [d for d in (source_and_copy(link) for link in links) if d and d[0] in depth and d[1] in depth]
    for _ in range(len(nodes)):
        changed = False
        for src, dst in directed:
            if depth[dst] < depth[src] + 1 <= len(nodes):
                depth[dst] = depth[src] + 1
                changed = True
        if not changed:
            break
    return depth


def layout(cards: list[dict], links: list[dict], original: str | None = None) -> dict:
    """Positions for nodes (article cards) and edges (links), in SVG user units."""
    ids = [c["id"] for c in cards]
    depth = depths(ids, links)
    layers: dict[int, list[dict]] = {}
    for card in sorted(cards, key=lambda c: (c["id"] != original, c.get("date") or "9999", c["label"])):
        layers.setdefault(depth[card["id"]], []).append(card)
    widest = max((len(layer) for layer in layers.values()), default=0)
    width = MARGIN * 2 + widest * NODE_WIDTH + max(widest - 1, 0) * GAP_X
    nodes = {}
    for level, layer in sorted(layers.items()):
        row_width = len(layer) * NODE_WIDTH + (len(layer) - 1) * GAP_X
        left = (width - row_width) / 2
        for i, card in enumerate(layer):
            x, y = left + i * (NODE_WIDTH + GAP_X), TOP + level * (NODE_HEIGHT + GAP_Y)
            nodes[card["id"]] = {"id": card["id"], "x": x, "y": y, "depth": level,
                                 "label": shorten(card.get("site") or card["label"]),
                                 "sublabel": shorten(card.get("date") or card["source"]),
                                 "original": card["id"] == original}
    drawn = [link for link in links if link["a"] in nodes and link["b"] in nodes]
    ends = attach_points(drawn, nodes)
    edges = [edge(link, nodes, ends[i]) for i, link in enumerate(drawn)]
    height = TOP + MARGIN + (max(layers, default=-1) + 1) * (NODE_HEIGHT + GAP_Y) - GAP_Y
    return {"width": width, "height": max(height, 0), "node_width": NODE_WIDTH, "node_height": NODE_HEIGHT,
            "nodes": list(nodes.values()), "edges": edges}


def ends_of(link: dict, nodes: dict[str, dict]) -> tuple[dict, dict]:
    """(upper, lower) node of a link: source and copy when directed, else a and b."""
    direction = source_and_copy(link)
    return (nodes[direction[0]], nodes[direction[1]]) if direction else (nodes[link["a"]], nodes[link["b"]])


def attach_points(links: list[dict], nodes: dict[str, dict]) -> list[tuple[float, float]]:
    """x where each edge leaves its source and meets its copy, spread along the node's edge so that
    several arrows into one copy stay apart (ordered by where the other end sits)."""
    leaving: dict[str, list[int]] = {}
    arriving: dict[str, list[int]] = {}
    for i, link in enumerate(links):
        src, dst = ends_of(link, nodes)
        leaving.setdefault(src["id"], []).append(i)
        arriving.setdefault(dst["id"], []).append(i)
    x_from = [0.0] * len(links)
    x_to = [0.0] * len(links)
    for table, out, other in ((leaving, x_from, 1), (arriving, x_to, 0)):
        for node_id, indices in table.items():
            indices.sort(key=lambda i: ends_of(links[i], nodes)[other]["x"])
            for rank, i in enumerate(indices):
                out[i] = nodes[node_id]["x"] + NODE_WIDTH * (rank + 1) / (len(indices) + 1)
    return list(zip(x_from, x_to))


def edge(link: dict, nodes: dict[str, dict], xs: tuple[float, float]) -> dict:
    """An edge from the source's bottom to the copy's top, or an arc over the top of two nodes in
    one layer (undirected, or both at the same depth)."""
    direction = source_and_copy(link)
    src, dst = ends_of(link, nodes)
    label = f"{link['kind']} {link['score']:.2f}"
    if dst["depth"] > src["depth"]:
        (x1, x2), y1, y2 = xs, src["y"] + NODE_HEIGHT, dst["y"]
        path = f"M{x1:.0f},{y1:.0f} L{x2:.0f},{y2:.0f}"
        label_x, label_y = (x1 + x2) / 2, (y1 + y2) / 2
    else:
        x1, x2 = xs
        y = min(src["y"], dst["y"])
        lift = min(TOP - 8, 24 + abs(x2 - x1) / 8)
        path = f"M{x1:.0f},{y:.0f} Q{(x1 + x2) / 2:.0f},{y - lift:.0f} {x2:.0f},{y:.0f}"
        label_x, label_y = (x1 + x2) / 2, y - lift / 2
    return {"a": link["a"], "b": link["b"], "kind": link["kind"], "directed": direction is not None,
            "path": path, "label": label, "label_x": round(label_x), "label_y": round(label_y)}


def shorten(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1].rstrip() + "…"
