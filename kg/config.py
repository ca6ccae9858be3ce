"""Configuration in one place. Precedence: command-line option > environment > config file > default.

The config file is TOML: `$KG_CONFIG`, else `./kg.toml` when present:

    [kg]
    home = "/data/kg"
    [neo4j]
    uri = "bolt://localhost:7687"
    user = "neo4j"

Passwords come from the environment only (NEO4J_PASSWORD), never from a file or the command line.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    home: Path
    neo4j_uri: str | None
    neo4j_user: str
    neo4j_password: str | None = None

    def __repr__(self) -> str:  # never show the password, even in a traceback
        return f"Settings(home={self.home!s}, neo4j_uri={self.neo4j_uri!r}, neo4j_user={self.neo4j_user!r})"


def _file_settings() -> dict:
    path = Path(os.environ.get("KG_CONFIG") or "kg.toml")
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)


def settings(home: str | Path | None = None) -> Settings:
    file = _file_settings()
    return Settings(
        home=Path(home or os.environ.get("KG_HOME") or file.get("kg", {}).get("home") or ".kg"),
        neo4j_uri=os.environ.get("NEO4J_URI") or file.get("neo4j", {}).get("uri"),
        neo4j_user=os.environ.get("NEO4J_USER") or file.get("neo4j", {}).get("user") or "neo4j",
        neo4j_password=os.environ.get("NEO4J_PASSWORD"),
    )
