"""Query packs: named queries shipped as files (`kg.queries.cypher/*.cypher`, `kg.queries.sparql/*.rq`).

Each file starts with a header of comment lines (`//` for Cypher, `#` for SPARQL; the parser takes both):

    // name: company_products
    // description: Products a company makes or sells, with the sentence that says so.
    // params: name (string) - company name or alias, any case
    // params: limit (int = 25) - at most this many rows

One `params:` line per parameter (`params: none` when there is none); `name (type = default)` makes a
parameter optional. Types: string, int, float, bool. A description may run over several comment lines.
Parameters are bound by the driver, never pasted into the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files

from .errors import QueryError

PACKS = {"cypher": ("kg.queries.cypher", ".cypher"), "sparql": ("kg.queries.sparql", ".rq")}
_HEADER = re.compile(r"^\s*(?://|#)\s?(.*)$")
_FIELD = re.compile(r"^(name|description|params?)\s*:\s*(.*)$", re.IGNORECASE)
_PARAM = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*\(\s*(?P<type>\w+)\s*(?:=\s*(?P<default>[^)]*?))?\s*\)"
                    r"\s*(?:[-:\u2013\u2014]\s*(?P<description>.*))?$")
_TYPES = {"string": str, "str": str, "int": int, "integer": int, "float": float, "number": float, "bool": bool,
          "boolean": bool}


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    description: str = ""
    default: object = None
    required: bool = True

    def convert(self, raw: str):
        kind = _TYPES[self.type]
        if kind is bool:
            if raw.lower() in ("true", "yes", "1"):
                return True
            if raw.lower() in ("false", "no", "0"):
                return False
            raise QueryError(f"parameter {self.name} expects true or false, not {raw!r}")
        try:
            return kind(raw)
        except ValueError:
            raise QueryError(f"parameter {self.name} expects a{'n' if self.type[0] in 'aeiou' else ''} "
                             f"{self.type}, not {raw!r}") from None


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: tuple[Param, ...]
    text: str
    language: str
    source: str

    def bind(self, given: dict[str, str]) -> dict[str, object]:
        """Raw strings (from --param k=v) -> typed parameters, with defaults; unknown or missing ones fail."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(given) - set(known))
        if unknown:
            expected = ", ".join(known) or "none"
            raise QueryError(f"{self.name}: unknown parameter {', '.join(unknown)} (parameters: {expected})")
        bound = {}
        for param in self.params:
            if param.name in given:
                bound[param.name] = param.convert(given[param.name])
            elif param.required:
                raise QueryError(f"{self.name}: missing parameter {param.name} ({param.type}): {param.description}")
            else:
                bound[param.name] = param.default
        return bound

    @property
    def signature(self) -> str:
        return ", ".join(p.name if p.required else f"{p.name}={p.default}" for p in self.params)


def parse(text: str, language: str, source: str = "<text>") -> NamedQuery:
    """Read a query file's header; the whole text (header included: comments) is the query."""
    fields: dict[str, str] = {}
    params: list[Param] = []
    last = None
    for line in text.splitlines():
        if not line.strip():
            continue
        header = _HEADER.match(line)
        if not header:
            break
        content = header.group(1).strip()
        field = _FIELD.match(content)
        if field:
            key, value = field.group(1).lower().rstrip("s"), field.group(2).strip()
            if key == "param":
                if value.lower() not in ("", "none", "-"):
                    params.append(_param(value, source))
                last = None
            else:
                fields[key] = value
                last = key
        elif last == "description" and content:
            fields["description"] += " " + content
    if "name" not in fields or not re.match(r"^[A-Za-z_]\w*$", fields["name"]):
        raise QueryError(f"{source}: the header has no valid `name:` line")
    return NamedQuery(fields["name"], fields.get("description", ""), tuple(params), text, language, source)


def _param(spec: str, source: str) -> Param:
    match = _PARAM.match(spec)
    if not match or match.group("type").lower() not in _TYPES:
        raise QueryError(f"{source}: cannot read the parameter {spec!r} (expected `name (type) - description`, "
                         f"types: {', '.join(sorted(set(_TYPES)))})")
    kind = match.group("type").lower()
    description = (match.group("description") or "").strip()
    default = match.group("default")
    if default is None:
        return Param(match.group("name"), kind, description)
    param = Param(match.group("name"), kind, description, None, False)
    value = None if default.strip().lower() in ("null", "none", "") else param.convert(default.strip())
    return Param(param.name, kind, description, value, False)


def load_pack(language: str) -> dict[str, NamedQuery]:
    """Every query of one pack by name; an empty dict when the pack is not installed."""
    if language not in PACKS:
        raise QueryError(f"unknown query language {language!r} (known: {', '.join(PACKS)})")
    package, suffix = PACKS[language]
    try:
        root = files(package)
    except ModuleNotFoundError:
        return {}
    queries: dict[str, NamedQuery] = {}
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(suffix):
            continue
        query = parse(entry.read_text(encoding="utf-8"), language, entry.name)
        if query.name in queries:
            raise QueryError(f"{entry.name}: the name {query.name!r} is used by {queries[query.name].source} too")
        queries[query.name] = query
    return queries


def get_query(language: str, name: str) -> NamedQuery:
    pack = load_pack(language)
    if name not in pack:
        known = ", ".join(sorted(pack)) or "none"
        raise QueryError(f"no {language} query named {name!r} (known: {known})")
    return pack[name]


def parse_params(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    """`--param k=v` options -> a dict of raw strings."""
    given = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"--param expects KEY=VALUE, not {pair!r}")
        given[key.strip()] = value
    return given


def run_cypher(driver, query: NamedQuery, params: dict[str, object], database: str | None = None) -> list[dict]:
    """Run a Cypher pack query with bound parameters; rows as plain Python values."""
    from .neo4j_sync import _errors

    with _errors(driver), driver.session(database=database) as session:
        result = session.run(query.text, params)
        return [{key: plain(record[key]) for key in record.keys()} for record in result]


def plain(value):
    """A Neo4j value as JSON-friendly Python: nodes and relationships as their properties, paths as lists."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {"labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return [plain(n) for n in value.nodes]
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value
