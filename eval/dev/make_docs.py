#!/usr/bin/env python3
"""Copy the 14 BBC articles of the development set into a folder, for `kg eval`.

usage: python eval/dev/make_docs.py DEST [--source BBC_DIR] [--list]

The BBC text is copyright (see shared/bench/bbc-news/README.md), so it is not kept in
this repository: this script copies it at run time from the shared benchmark folder
(default: <workspace>/shared/bench/bbc-news/bbc, or $KG_BBC_DIR) into DEST, which must
lie outside the repository, e.g. /tmp/bbc-dev. The copies are named
`bbc-<category>-NNN.txt`, the names used as `doc` in eval/dev/bbc.gold.jsonl.

The selection is recomputed from the sorted file names and checked against the fixed
list below (and every file against its SHA-256), so a changed corpus is noticed:
  business: every 37th file starting at index 5 (0-based), first 10 picks
  tech:     every 71st file starting at index 3 (0-based), first 4 picks
  a pick that names no company is replaced by the next file in sorted order.
--list prints the selection and exits.
"""
import hashlib
import os
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]                      # .../main
DEFAULT_SOURCE = REPO.parent / "shared" / "bench" / "bbc-news" / "bbc"

RULES = {"business": (5, 37, 10), "tech": (3, 71, 4)}   # start index, step, picks
# picks that name no company, replaced by the next file (decided by reading them)
SKIPPED = {("tech", "075.txt"): "no company named (FBI, Department of Justice, a P2P network)"}

CHOSEN = {  # (category, file): sha256 of the source file
    ("business", "006.txt"): "24da8408e025c0fa3f83bc597ea526b2e987d33bee5d18273ca1794b53506e21",
    ("business", "043.txt"): "05e5b84e867fda55272dbddd26862336a74e39e4c84f944df16f298840785742",
    ("business", "080.txt"): "98e6a593ca2c35c4964cd66a2cdd8c9532d7f0e65e521e7271ae6bc4e3b80aa1",
    ("business", "117.txt"): "e8c39a09e0c55e4b76f26b5dcd46708ec0a8b97a407bfb62118a0750c13c4390",
    ("business", "154.txt"): "3ef278c59d94f5f1e89dc4884952e2eced62dffcc022cb6b897e9bb4da27beb9",
    ("business", "191.txt"): "7a864126961397a2ea181099fcfa77d19997c55c3f04e42af178694a010c46e0",
    ("business", "228.txt"): "7555b925f8bcd42410fd93bb87cc66fb722bbcce41f7453b9ea069bb20294b2c",
    ("business", "265.txt"): "f517b8fc81b579f85aa8b3643a0c11f5c955ea8087c4b262999a5bb44fde5eef",
    ("business", "302.txt"): "93d06fff28115de81fea1b3c573a44139e6989074dea001f12c99814451ad143",
    ("business", "339.txt"): "903dc6bc6735bb8604233e4e763fbd651ef2b90c86d8239192f656a115c988aa",
    ("tech", "004.txt"): "7a3c84e5b8796fe268beef38c328baec366862e26388da314f5dd2a149f9034d",
    ("tech", "076.txt"): "82a69128717ede5799da5c488cb742cf2f17974488a3ff7e735d9cb503442ade",
    ("tech", "146.txt"): "b594f508bc4b3459d5b1514a73d9afe530cd27a42f9a6ae7555c9d7ab16f64ca",
    ("tech", "217.txt"): "3e1453a0eecef27d33c2d3190e5e122d53536678d7de82dc76e7355c652e335f",
}


def select(source):
    picks = []
    for category, (start, step, count) in RULES.items():
        names = sorted(n for n in os.listdir(source / category) if n.endswith(".txt"))
        for index in range(start, len(names), step)[:count]:
            while (category, names[index]) in SKIPPED:
                index += 1
            picks.append((category, names[index]))
    return picks


def doc_name(category, name):
    return f"bbc-{category}-{name}"


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    source = Path(os.environ.get("KG_BBC_DIR", DEFAULT_SOURCE))
    if "--source" in argv:
        source = Path(argv[argv.index("--source") + 1])
        args.remove(str(argv[argv.index("--source") + 1]))
    if not source.is_dir():
        sys.exit(f"BBC corpus not found at {source} (use --source or KG_BBC_DIR)")
    picks = select(source)
    if picks != list(CHOSEN):
        sys.exit(f"selection {picks} differs from the fixed list {list(CHOSEN)}: corpus changed?")
    if "--list" in argv:
        for category, name in picks:
            print(f"{category}/{name} -> {doc_name(category, name)}")
        return 0
    if len(args) != 1:
        sys.exit(__doc__)
    dest = Path(args[0]).resolve()
    if dest == REPO or REPO in dest.parents:
        sys.exit(f"{dest} is inside the repository; the BBC text must not be copied there")
    dest.mkdir(parents=True, exist_ok=True)
    for (category, name), digest in CHOSEN.items():
        src = source / category / name
        if hashlib.sha256(src.read_bytes()).hexdigest() != digest:
            sys.exit(f"{src}: content differs from the annotated version")
        shutil.copyfile(src, dest / doc_name(category, name))
    print(f"copied {len(CHOSEN)} articles to {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
