"""The quality gate: floors hold, rise with better scores, and fall only when allowed."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.evaluation import SetResult
from newsgraph.evaluation.gate import check, load_floors, raise_floors, write_floors

FLOORS = {"polnear": {"cue.f1": 60.0, "source.f1": 50.0}}


def test_check_flags_scores_below_floor():
    verdicts = check([SetResult("polnear", {"cue.f1": 61.0, "source.f1": 49.0})], FLOORS)
    assert {(v.metric, v.ok) for v in verdicts} == {("cue.f1", True), ("source.f1", False)}


def test_missing_metric_fails():
    (verdict, _) = check([SetResult("polnear", {"source.f1": 55.0})], FLOORS)
    assert verdict.metric == "cue.f1" and not verdict.ok


def test_floors_only_rise():
    raised = raise_floors([SetResult("polnear", {"cue.f1": 65.0, "source.f1": 40.0})], FLOORS)
    assert raised == {"polnear": {"cue.f1": 65.0, "source.f1": 50.0}}


def test_lowering_needs_explicit_permission():
    lowered = raise_floors([SetResult("polnear", {"cue.f1": 65.0, "source.f1": 40.0})], FLOORS, allow_regression=True)
    assert lowered == {"polnear": {"cue.f1": 65.0, "source.f1": 40.0}}


def test_floors_round_trip(tmp_path):
    path = tmp_path / "floors.json"
    write_floors(path, FLOORS)
    assert load_floors(path) == FLOORS
    assert load_floors(tmp_path / "absent.json") == {}


def test_cli_gate_fails_below_floor(tmp_path, shared_data):
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"dates": {"exact.accuracy": 100.0}}), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "dates", "--gate", "--floors", str(floors), "--data", str(shared_data)])
    assert result.exit_code == 1
    assert "below floor" in result.output


def test_cli_raises_floors(tmp_path, shared_data):
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"dates": {"exact.accuracy": 10.0}}), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "dates", "--gate", "--raise-floors", "--floors", str(floors), "--data", str(shared_data)])
    assert result.exit_code == 0, result.output
    assert json.loads(floors.read_text())["dates"]["exact.accuracy"] > 90


@pytest.mark.parametrize(
    "args",
    [
        ["eval", "dates", "--split", "train"],  # only the factuality set has splits
        ["eval", "factuality", "--split", "test"],  # not shipped: train and dev only
        ["eval", "factuality", "--split", "train", "--gate"],  # floors are dev scores
    ],
)
def test_cli_split_is_factuality_train_or_dev_without_the_gate(args):
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "--split" in result.output
