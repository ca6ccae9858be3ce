"""A real Neo4j server for the tests (never a mock), loaded as a pytest plugin by conftest.py.

`neo4j_server` (session): $NEO4J_URI (+ NEO4J_USER, NEO4J_PASSWORD) when set; otherwise
scripts/neo4j-local starts Neo4j 5.26 in a per-session temporary directory with a random password and
stops it at the end. When no server can be had, the tests that need one fail with the reason under CI
(CI=true) and are skipped, loudly, elsewhere (e.g. a laptop without Java or Maven).

`neo4j` (function): the same server with an empty database (constraints and indexes kept) and the
NEO4J_* variables set for the kg code under test.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAUNCHER = ROOT / "scripts" / "neo4j-local" / "neo4j-local"


def _under_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


def neo4j_unavailable(reason: str):
    """Fail under CI, skip loudly elsewhere."""
    message = f"NEO4J TESTS CANNOT RUN: {reason}"
    if _under_ci():
        pytest.fail(message, pytrace=False)
    sys.stderr.write(f"\n*** {message} (skipping the neo4j tests; under CI=true they fail) ***\n")
    pytest.skip(message)


class LocalNeo4j:
    """scripts/neo4j-local for one directory: start (optionally on given ports), kill, stop."""

    def __init__(self, directory: Path, password: str):
        self.directory = Path(directory)
        self.password = password
        self.state: dict[str, str] = {}

    def _run(self, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
        env = {**os.environ, "NEO4J_PASSWORD": self.password}
        return subprocess.run([str(LAUNCHER), *args, "--dir", str(self.directory)], env=env, text=True,
                              capture_output=True, timeout=timeout)

    def start(self, port: int | None = None, http_port: int | None = None) -> dict[str, str]:
        args = ["start"]
        if port:
            args += ["--port", str(port)]
        if http_port:
            args += ["--http-port", str(http_port)]
        try:
            done = self._run(*args)
        except subprocess.TimeoutExpired:
            raise RuntimeError("neo4j-local start did not finish within 600 s") from None
        if done.returncode != 0:
            tail = "\n".join(done.stderr.strip().splitlines()[-15:])
            raise RuntimeError(f"neo4j-local start failed (exit {done.returncode}):\n{tail}")
        self.state = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
        return self.state

    @property
    def uri(self) -> str:
        return self.state["NEO4J_URI"]

    @property
    def bolt_port(self) -> int:
        return int(self.state["NEO4J_BOLT_PORT"])

    @property
    def http_port(self) -> int:
        return int(self.state["NEO4J_HTTP_PORT"])

    def kill(self) -> None:
        """SIGKILL, and wait until the process is gone: a crash, for fault tests."""
        done = self._run("kill", timeout=60)
        assert done.returncode == 0, done.stderr

    def stop(self) -> None:
        self._run("stop", timeout=120)

    def running(self) -> bool:
        return self._run("status", timeout=30).returncode == 0


@dataclass
class Neo4jServer:
    uri: str
    user: str
    password: str
    local: LocalNeo4j | None = None    # None when the server came from $NEO4J_URI

    def settings(self, home):
        from kg.config import Settings
        return Settings(home=Path(home), neo4j_uri=self.uri, neo4j_user=self.user, neo4j_password=self.password)

    def driver(self):
        from neo4j import GraphDatabase
        return GraphDatabase.driver(self.uri, auth=(self.user, self.password), notifications_min_severity="OFF")

    def env(self) -> dict[str, str]:
        return {"NEO4J_URI": self.uri, "NEO4J_USER": self.user, "NEO4J_PASSWORD": self.password}


def start_local(directory: Path) -> LocalNeo4j:
    """A new local server in `directory`, or neo4j_unavailable() with the launcher's reason."""
    for tool in (os.environ.get("JAVA") or "java", os.environ.get("MVN") or "mvn"):
        if not shutil.which(tool) and not (tool == "java" and os.environ.get("JAVA_HOME")):
            neo4j_unavailable(f"{tool!r} is not installed: scripts/neo4j-local needs Java 17+ and Maven 3.8+ "
                              "(or set NEO4J_URI to a running Neo4j 5)")
    server = LocalNeo4j(directory, password="kg-test-" + secrets.token_hex(8))
    try:
        server.start()
    except RuntimeError as err:
        server.stop()
        neo4j_unavailable(str(err))
    return server


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory):
    uri = os.environ.get("NEO4J_URI")
    if uri:
        server = Neo4jServer(uri, os.environ.get("NEO4J_USER") or "neo4j", os.environ.get("NEO4J_PASSWORD") or "")
        try:
            with server.driver() as driver:
                driver.verify_connectivity()
        except Exception as err:  # noqa: BLE001 - any reason is a reason to report
            neo4j_unavailable(f"NEO4J_URI={uri} is set but does not answer: {type(err).__name__}: {err}")
        yield server
        return
    local = start_local(tmp_path_factory.mktemp("neo4j-server"))
    try:
        yield Neo4jServer(local.uri, "neo4j", local.password, local)
    finally:
        local.stop()


def _cypher(server: Neo4jServer, query: str) -> list[dict]:
    with server.driver() as driver, driver.session() as session:
        return [record.data() for record in session.run(query)]


def graph_snapshot(server: Neo4jServer) -> tuple[list, list]:
    """Every node (iri, labels, properties) and relationship (ends, type, properties), canonically sorted."""
    def canonical(props):
        return json.dumps(props, sort_keys=True)
    nodes = sorted((r["iri"], tuple(sorted(r["labels"])), canonical(r["props"])) for r in _cypher(
        server, "MATCH (n) RETURN n.iri AS iri, labels(n) AS labels, properties(n) AS props"))
    rels = sorted((r["s"], r["type"], r["o"], canonical(r["props"])) for r in _cypher(
        server, "MATCH (s)-[r]->(o) RETURN s.iri AS s, type(r) AS type, o.iri AS o, properties(r) AS props"))
    return nodes, rels


def assert_same_graph(actual, expected) -> None:
    for kind, a, e in zip(("nodes", "relationships"), actual, expected):
        assert (kind, sorted(set(a) - set(e))[:5], sorted(set(e) - set(a))[:5]) == (kind, [], [])
        assert a == e


def clean_database(server: Neo4jServer) -> None:
    with server.driver() as driver, driver.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


@pytest.fixture
def neo4j(neo4j_server, monkeypatch):
    """The session's server with an empty database and NEO4J_* set for the code under test."""
    if neo4j_server.local is not None and not neo4j_server.local.running():
        neo4j_server.local.start(neo4j_server.local.bolt_port, neo4j_server.local.http_port)
    clean_database(neo4j_server)
    for key, value in neo4j_server.env().items():
        monkeypatch.setenv(key, value)
    return neo4j_server
