"""`etax-conformance merge DIR… --out DIR`: shard run folders → one run folder, as one run's.

Every shard of the same N must be there, once; the scenarios are put back in the whole suite's order (each
shard's shard.json), the summary and every requirement's status are computed again from all scenarios. The
shards' evidence is copied over; then the folder is finished as a run's is (bundle.finish: masking, cucumber.json,
report.html, manifest, signed with --signing-key).
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any, TextIO

from etax_conformance.parallel_cli import SHARD_FILE
from etax_conformance.results import NOT_CERTIFIED, STATUSES, scenarios_status

#: Fields that must agree between shards (else they are not shards of one run).
SAME = ("schema", "suite", "portal", "readings", "absent", "selection")


class MergeError(ValueError):
    """Folders that are not the complete shards of one run; the message says what is wrong."""


def _load(folder: Path, name: str) -> Any:
    path = folder / name
    if not path.is_file():
        raise MergeError(f"{folder} has no {name}: is it a run folder of `run --shard K/N`?")
    return json.loads(path.read_text(encoding="utf-8"))


def merge_runs(out: TextIO, folders: list[Path], target: Path, signing_key: Path | None = None,
               guides: Path | None = None) -> int:
    shards = [(_load(f, SHARD_FILE), _load(f, "results.json"), f) for f in folders]
    order = _check_complete(shards)
    results = merge_results([r for _, r, _ in shards], [entry["id"] for entry in order])
    junit = merge_junit([f / "junit.xml" for _, _, f in shards], [entry["nodeid"] for entry in order])
    if target.exists() and any(target.iterdir()):
        raise MergeError(f"--out {target} already holds files; choose an empty folder")
    target.mkdir(parents=True, exist_ok=True)
    (target / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    junit.write(target / "junit.xml", encoding="utf-8", xml_declaration=True)
    for _, _, folder in shards:  # evidence/<scenario>/: one folder per failed scenario, so shards never collide
        if (folder / "evidence").is_dir():
            shutil.copytree(folder / "evidence", target / "evidence", dirs_exist_ok=True)
    from etax_conformance.bundle.finish import finish_run

    finish_run(target, signing_key, guides)
    counts = ", ".join(f"{results['summary'][s]} {s.replace('_', ' ')}" for s in STATUSES)
    print(f"merged {len(shards)} shards into {target}: {len(results['scenarios'])} scenarios ({counts})", file=out)
    return 1 if results["summary"]["failed"] else 0


def _check_complete(shards: list[tuple[dict[str, Any], dict[str, Any], Path]]) -> list[dict[str, str]]:
    totals = {tuple(s["shard"])[1] for s, _, _ in shards}
    if len(totals) != 1:
        raise MergeError(f"the folders are shards of different splits (N = {sorted(totals)})")
    n = totals.pop()
    seen = Counter(s["shard"][0] for s, _, _ in shards)
    if twice := sorted(k for k, c in seen.items() if c > 1):
        raise MergeError(f"shard {twice[0]}/{n} is given more than once")
    if missing := sorted(set(range(1, n + 1)) - set(seen)):
        raise MergeError(f"shard {missing[0]}/{n} is missing: all {n} shards are needed")
    order: list[dict[str, str]] = shards[0][0]["order"]
    for shard, results, folder in shards[1:]:
        if shard["order"] != order:
            raise MergeError(f"{folder} ran other scenarios than {shards[0][2]} (another suite, -k or --features)")
        for key in SAME:
            if results.get(key) != shards[0][1].get(key):
                raise MergeError(f"{folder} differs from {shards[0][2]} in '{key}': not shards of one run")
    return order


def merge_results(documents: list[dict[str, Any]], order: list[str]) -> dict[str, Any]:
    """One results.json: the first shard's header, all scenarios in suite order, summary and rules again."""
    rank = {sid: index for index, sid in enumerate(order)}
    scenarios = sorted((s for d in documents for s in d["scenarios"]), key=lambda s: rank.get(s["id"], len(rank)))
    ids = Counter(s["id"] for s in scenarios)
    if twice := [sid for sid, count in ids.items() if count > 1]:
        raise MergeError(f"scenario {twice[0]} ran in two shards")
    merged = dict(documents[0])
    from etax_conformance.beyond_guide import KEY, conformance_only, summary_block

    counted = conformance_only(scenarios)
    merged["summary"] = {s: sum(1 for x in counted if x["status"] == s) for s in STATUSES}
    merged[KEY] = summary_block(scenarios, STATUSES)
    merged["requirements"] = _requirements(documents, scenarios)
    merged["scenarios"] = scenarios
    if "plans" in documents[0]:  # every shard is there: a plan's verdict is the whole run's (partial only by -k …)
        from etax_conformance.plans import plan_verdicts

        selected = (documents[0].get("selection") or {}).get("plans", [])
        partial = {str(p["id"]): (str(p["partial"]), str(p["note"])) for p in documents[0]["plans"]
                   if p.get("partial") not in (None, "--shard")}
        merged["plans"] = plan_verdicts(scenarios, selected, partial)
    return merged


def _requirements(documents: list[dict[str, Any]], scenarios: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Catalog rules in the catalog's order, then rules cited outside it in order of first citation."""
    known: dict[str, dict[str, Any]] = {}
    for document in documents:
        for entry in document["requirements"]:
            known.setdefault(entry["id"], entry)
    first = [entry["id"] for entry in documents[0]["requirements"]]
    catalog = [rid for rid in first if known[rid]["guide"] != "(not in catalog)"]
    cited: dict[str, list[dict[str, Any]]] = {rid: [] for rid in catalog}
    for scenario in scenarios:
        for rid in scenario["requirements"]:
            cited.setdefault(rid, []).append(scenario)
    merged = []
    for rid, its in cited.items():
        entry = {key: value for key, value in known[rid].items() if key != "reason"}
        entry["status"] = (scenarios_status(its) if known[rid].get("status") != NOT_CERTIFIED
                           else NOT_CERTIFIED)
        entry["scenarios"] = [s["id"] for s in its]
        if not its and "reason" in known[rid]:
            entry["reason"] = known[rid]["reason"]
        merged.append(entry)
    return merged


def _junit_key(nodeid: str) -> tuple[str, str]:
    """(classname, name) of a node id, as pytest's junitxml writes them."""
    path, bracket, params = nodeid.partition("[")
    names = path.split("::")
    names[0] = re.sub(r"\.py$", "", names[0].replace("/", "."))
    names[-1] += bracket + params
    return ".".join(names[:-1]), names[-1]


def merge_junit(paths: list[Path], order: list[str]) -> ET.ElementTree[ET.Element]:
    """One <testsuites><testsuite> with every shard's test cases in suite order and the counts summed."""
    rank = {_junit_key(nodeid): index for index, nodeid in enumerate(order)}
    suites = []
    for path in paths:
        if not path.is_file():
            raise MergeError(f"{path.parent} has no junit.xml")
        root = ET.parse(path).getroot()
        suites += [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    cases = sorted((case for suite in suites for case in suite.iter("testcase")),
                   key=lambda c: rank.get((c.get("classname", ""), c.get("name", "")), len(rank)))
    merged = ET.Element("testsuite", dict(suites[0].attrib))
    for counter in ("errors", "failures", "skipped", "tests"):
        merged.set(counter, str(sum(int(s.get(counter, "0")) for s in suites)))
    merged.set("time", f"{sum(float(s.get('time', '0')) for s in suites):.3f}")
    merged.extend(cases)
    root = ET.Element("testsuites")
    root.append(merged)
    return ET.ElementTree(root)
