"""Shards (`run --shard K/N`): a stable slice of the scenarios by scenario id, for CI machines run side by side.

A scenario belongs to shard K of N when the SHA-256 of its id (results.json's `feature::name`) modulo N is K-1:
the slice does not depend on the machine, the driver, the order of collection or on other scenarios being added.
A sharded run writes shard.json next to results.json: which shard it was and the whole suite's order (node ids
and scenario ids), so `etax-conformance merge` puts the shards back in the order of a single run.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from etax_conformance.parallel_cli import SHARD_FILE, parse_shard
from etax_conformance.scenario_ids import scenario_id

SCHEMA = "etax-conformance/shard@1"


def in_shard(scenario: str, k: int, n: int) -> bool:
    return int(hashlib.sha256(scenario.encode("utf-8")).hexdigest(), 16) % n == k - 1


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    shard = config.getoption("--shard")
    if not shard:
        return
    k, n = parse_shard(shard)
    ids = [scenario_id(item) for item in items]
    _write_order(config, k, n, items, ids)
    kept = [item for item, sid in zip(items, ids, strict=True) if in_shard(sid, k, n)]
    deselected = [item for item, sid in zip(items, ids, strict=True) if not in_shard(sid, k, n)]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
    items[:] = kept


def _write_order(config: pytest.Config, k: int, n: int, items: list[pytest.Item], ids: list[str]) -> None:
    """shard.json, once per run (by the single process, or by the first xdist worker)."""
    run_dir = config.getoption("--run-dir")
    worker = getattr(config, "workerinput", {}).get("workerid")
    if not run_dir or worker not in (None, "gw0"):
        return
    document = {"schema": SCHEMA, "shard": [k, n],
                "order": [{"nodeid": item.nodeid, "id": sid} for item, sid in zip(items, ids, strict=True)]}
    Path(run_dir).mkdir(parents=True, exist_ok=True)
    (Path(run_dir) / SHARD_FILE).write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n",
                                            encoding="utf-8")
