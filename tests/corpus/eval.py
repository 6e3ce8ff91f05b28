#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Measures postlint against the labelled corpus: precision and recall per category.
#   python3 tests/corpus/eval.py build/postlint [--no-fail] [--corpus FILE] [--rules FILE] [-v]
# A finding is a true positive when its category matches an expected one of the same post and
# their byte spans overlap; an expected finding is recalled when some finding overlaps it.
# Exits 1 when a category is below recall 0.95 or precision 0.90 (unless --no-fail), 2 when
# postlint itself cannot be run or its output cannot be read.
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict

MIN_RECALL = 0.95
MIN_PRECISION = 0.90


def load_corpus(path):
    posts = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                p = json.loads(line)
            except json.JSONDecodeError as e:
                sys.exit(f"eval: {path}:{n}: bad JSON: {e}")
            raw = p["text"].encode("utf-8")
            spans = []
            after = {}  # an evidence listed again is its next occurrence in the text
            for e in p["expect"]:
                ev = e["evidence"].encode("utf-8")
                start = raw.find(ev, after.get(ev, 0))
                if start < 0:
                    sys.exit(f"eval: {path}:{n}: evidence '{e['evidence']}' is not in the text of '{p['id']}'")
                after[ev] = start + 1
                spans.append((e["category"], start, start + len(ev), e["evidence"]))
            p["_spans"] = spans
            posts.append(p)
    return posts


def run_group(binary, rules, account, lang, posts, tmpdir):
    """Runs postlint once over every post of one (account, lang) group; returns {id: [findings]}."""
    paths = {}
    for p in posts:
        path = os.path.join(tmpdir, p["id"] + ".txt")
        with open(path, "wb") as f:
            f.write(p["text"].encode("utf-8"))
        paths[os.path.abspath(path)] = p["id"]
    cmd = [binary, "--rules", rules, "--format", "json", "--account", account]
    if lang:
        cmd += ["--lang", lang]
    cmd += list(paths)
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        doc = json.loads(proc.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        sys.exit(f"eval: cannot read the output of '{' '.join(cmd[:8])} ...' (exit {proc.returncode}): {e}")
    out = defaultdict(list)
    for post in doc.get("posts", []):
        pid = paths.get(os.path.abspath(post.get("path", "")))
        if pid is None:
            pid = os.path.splitext(os.path.basename(post.get("path", "")))[0]
        out[pid].extend(post.get("findings", []))
    return out


def finding_span(f, text):
    loc = f.get("location") or {}
    if "byte_start" in loc and "byte_end" in loc:
        return loc["byte_start"], loc["byte_end"]
    ev = (f.get("evidence") or "").encode("utf-8")
    i = text.encode("utf-8").find(ev) if ev else -1
    return (i, i + len(ev)) if i >= 0 else (0, 0)


def ratio(a, b):
    return a / b if b else None


def fmt(x):
    return "  -  " if x is None else f"{x:.3f}"


def main():
    ap = argparse.ArgumentParser(description="precision and recall of postlint on the corpus")
    ap.add_argument("binary")
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    ap.add_argument("--corpus", default=os.path.join(here, "posts.jsonl"))
    ap.add_argument("--rules", default=os.path.join(root, "rules", "default.json"))
    ap.add_argument("--no-fail", action="store_true", help="report only; always exit 0")
    ap.add_argument("-v", "--verbose", action="store_true", help="also list true positives")
    args = ap.parse_args()

    posts = load_corpus(args.corpus)
    groups = defaultdict(list)
    for p in posts:
        groups[(p.get("account", "professional"), p.get("lang", ""))].append(p)

    t0 = time.monotonic()
    findings = {}
    with tempfile.TemporaryDirectory(prefix="postlint-eval-") as tmp:
        for (account, lang), group in sorted(groups.items()):
            d = os.path.join(tmp, f"{account}-{lang.replace(',', '_') or 'auto'}")
            os.mkdir(d)
            findings.update(run_group(args.binary, args.rules, account, lang, group, d))
    elapsed = time.monotonic() - t0

    tp_f = defaultdict(int)      # findings that overlap an expected finding of their category
    all_f = defaultdict(int)     # findings
    hit_e = defaultdict(int)     # expected findings recalled
    all_e = defaultdict(int)     # expected findings
    fps, fns, tps = [], [], []
    for p in posts:
        got = findings.get(p["id"], [])
        exp = p["_spans"]
        for f in got:
            cat = f.get("category", "?")
            s, e = finding_span(f, p["text"])
            all_f[cat] += 1
            if any(c == cat and s < ee and ss < e for c, ss, ee, _ in exp):
                tp_f[cat] += 1
                tps.append((p["id"], cat, f.get("rule", "?"), f.get("evidence", "")))
            else:
                fps.append((p["id"], cat, f.get("rule", "?"), f.get("evidence", "")))
        for c, ss, ee, ev in exp:
            all_e[c] += 1
            if any(f.get("category") == c and ss < finding_span(f, p["text"])[1]
                   and finding_span(f, p["text"])[0] < ee for f in got):
                hit_e[c] += 1
            else:
                fns.append((p["id"], c, ev))

    cats = sorted(set(all_f) | set(all_e))
    failing = []
    print(f"{'category':<16} {'expected':>8} {'found':>6} {'TP':>5} {'FP':>4} {'FN':>4} {'precision':>9} {'recall':>7}")
    for c in cats:
        prec, rec = ratio(tp_f[c], all_f[c]), ratio(hit_e[c], all_e[c])
        fp, fn = all_f[c] - tp_f[c], all_e[c] - hit_e[c]
        mark = ""
        if (rec is not None and rec < MIN_RECALL) or (prec is not None and prec < MIN_PRECISION):
            failing.append(c)
            mark = "  <"
        print(f"{c:<16} {all_e[c]:>8} {all_f[c]:>6} {tp_f[c]:>5} {fp:>4} {fn:>4} {fmt(prec):>9} {fmt(rec):>7}{mark}")
    T = lambda d: sum(d.values())
    print(f"{'overall':<16} {T(all_e):>8} {T(all_f):>6} {T(tp_f):>5} {T(all_f) - T(tp_f):>4} "
          f"{T(all_e) - T(hit_e):>4} {fmt(ratio(T(tp_f), T(all_f))):>9} {fmt(ratio(T(hit_e), T(all_e))):>7}")
    clean = sum(1 for p in posts if not p["expect"])
    clean_ok = sum(1 for p in posts if not p["expect"] and not findings.get(p["id"]))
    print(f"{len(posts)} posts ({clean} clean, {clean_ok} of them without findings) in {elapsed:.2f}s")

    if fps:
        print("\nfalse positives (id, category, rule, evidence):")
        for pid, c, r, ev in fps:
            print(f"  {pid:<10} {c:<16} {r:<28} {ev!r}")
    if fns:
        print("\nfalse negatives (id, category, expected evidence):")
        for pid, c, ev in fns:
            print(f"  {pid:<10} {c:<16} {ev!r}")
    if args.verbose and tps:
        print("\ntrue positives (id, category, rule, evidence):")
        for pid, c, r, ev in tps:
            print(f"  {pid:<10} {c:<16} {r:<28} {ev!r}")

    if failing:
        print(f"\nbelow recall {MIN_RECALL} or precision {MIN_PRECISION}: {', '.join(failing)}")
        if not args.no_fail:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
