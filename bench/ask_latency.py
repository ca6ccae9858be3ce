"""`kg ask` latency on the seeds graph: in a process after the first call (target: under a second), and a
cold CLI call (Python start, imports, store open, the question). Also checks that no model is loaded.

    python bench/ask_latency.py [--home DIR] [--runs N] [--neo4j] [--json]

Without --home the seeds (shared/corpus/seeds) are loaded into a temporary store first. With --neo4j (and
NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD set) the store is synced and the same questions run on Neo4j too.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared")) / "corpus" / "seeds"
TARGET_SECONDS = 1.0
QUESTIONS = [
    "Who runs Xiaomi?", "Who is Lei Jun?", "What does Xiaomi make?", "Who are Xiaomi's competitors?",
    "Who does Xiaomi partner with?", "Where is Xiaomi absent?", "What did Wang Xiang say about the US?",
    "Who said what about the US?", "What happened to Xiaomi?", "How are Lei Jun and Microsoft connected?",
    "Which companies are in the United States?", "What do you know about Xiaomi?", "Who runs Zebra Dynamics?",
]


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def in_process(source, runs: int) -> tuple[float, dict[str, float]]:
    """The first call (catalogue and pack loading included), then each question's median over `runs`."""
    from kg.ask import ask

    first, _ = timed(ask, source, QUESTIONS[0])
    per_question = {}
    for question in QUESTIONS:
        per_question[question] = statistics.median(timed(ask, source, question)[0] for _ in range(runs))
    return first, per_question


def kg_command() -> list[str]:
    script = Path(sys.executable).with_name("kg")
    return [str(script)] if script.exists() else [sys.executable, "-m", "kg.cli"]


def cold_cli(home: Path, question: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        seconds, done = timed(subprocess.run, [*kg_command(), "ask", question, "--home", str(home), "--backend", "local"],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"kg ask failed: {done.stderr}")
        times.append(seconds)
    return statistics.median(times)


def models_loaded() -> list[str]:
    return sorted(m for m in sys.modules if m.split(".")[0] in ("spacy", "thinc", "torch", "transformers"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, help="an existing store (default: the seeds, loaded into a temp dir)")
    parser.add_argument("--runs", type=int, default=5, help="calls per question after the first (median)")
    parser.add_argument("--neo4j", action="store_true", help="also on Neo4j (needs NEO4J_URI); syncs the store")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args()

    from kg.backends import LocalBackend
    from kg.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        home = args.home
        if home is None:   # loaded by another process: this one must show what kg ask alone imports
            home = Path(tmp) / "home"
            done = subprocess.run([*kg_command(), "load", str(SEEDS), "--home", str(home), "--json"],
                                  capture_output=True, text=True)
            if done.returncode != 0:
                raise SystemExit(f"kg load failed: {done.stderr}")
        report: dict = {"home": str(home), "questions": len(QUESTIONS), "target_seconds": TARGET_SECONDS}
        with Store.open(home) as store:
            first, per_question = in_process(LocalBackend(store), args.runs)
        report["local"] = {"first_call_s": first, "median_s": statistics.median(per_question.values()),
                           "max_s": max(per_question.values()), "per_question_s": per_question}
        report["models_loaded_in_process"] = models_loaded()
        if args.neo4j:   # the sync reads the store only: no model either
            from kg.backends import neo4j_backend
            from kg.config import settings
            from kg.neo4j_sync import sync_store

            config = settings(home)
            with Store.open(home) as store:
                sync_store(store, config)
            backend = neo4j_backend(config)
            try:
                first, per_question = in_process(backend, args.runs)
            finally:
                backend.close()
            report["neo4j"] = {"first_call_s": first, "median_s": statistics.median(per_question.values()),
                               "max_s": max(per_question.values()), "per_question_s": per_question}
        report["cold_cli_s"] = {q: cold_cli(home, q, 3) for q in (QUESTIONS[0], "How are Lei Jun and Microsoft connected?")}
    ok = all(report[b]["max_s"] < TARGET_SECONDS for b in ("local", "neo4j") if b in report)
    report["meets_target"] = ok and not report["models_loaded_in_process"]
    if args.json:
        print(json.dumps(report, indent=2))
        return 0 if report["meets_target"] else 1
    print(f"kg ask on {home} ({len(QUESTIONS)} questions, median of {args.runs} calls each after the first)")
    for backend in ("local", "neo4j"):
        if backend in report:
            r = report[backend]
            print(f"  {backend:6} first call {r['first_call_s'] * 1000:7.1f} ms | after it: median "
                  f"{r['median_s'] * 1000:6.1f} ms, slowest {r['max_s'] * 1000:6.1f} ms (target < {TARGET_SECONDS:.0f} s)")
            for question, seconds in r["per_question_s"].items():
                print(f"           {seconds * 1000:7.1f} ms  {question}")
    for question, seconds in report["cold_cli_s"].items():
        print(f"  cold CLI call (new process, median of 3): {seconds:.2f} s  {question}")
    print(f"  models loaded by kg ask: {report['models_loaded_in_process'] or 'none'}")
    print("  meets the target" if report["meets_target"] else "  DOES NOT meet the target")
    return 0 if report["meets_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
