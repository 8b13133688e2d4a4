"""The command line: summary and JSON output, stdin, HTML, clear errors, help on everything."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from newsgraph.cli import app

runner = CliRunner()

ARTICLE = (
    "Rebels accused of border raid\n\n"
    "The Rapid Support Forces (RSF) attacked a convoy near El Fasher on Tuesday, two officials told Reuters.\n\n"
    '"We did not attack anyone," an RSF spokesman said.\n'
)


@pytest.fixture
def article_file(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_analyze_prints_summary(article_file):
    result = runner.invoke(app, ["analyze", str(article_file), "--date", "2024-05-01"])
    assert result.exit_code == 0, result.output
    for heading in ("Actors", "Events", "Attributions", "Author voice"):
        assert heading in result.output
    assert "Rapid Support Forces" in result.output


def test_analyze_json_contract(article_file):
    result = runner.invoke(app, ["analyze", str(article_file), "--json", "--date", "2024-05-01", "--outlet", "Test Wire"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "newsgraph.report/2"
    assert data["article"]["title"] == "Rebels accused of border raid"
    assert data["article"]["published"] == "2024-05-01" and data["article"]["outlet"] == "Test Wire"
    text = data["article"]["text"]
    told = next(a for a in data["attributions"] if a["cue"]["text"] == "told")
    assert told["chain"] == ["two officials", "Reuters", "author"]
    for attribution in data["attributions"]:
        for start, end in attribution["content"]:
            assert 0 <= start < end <= len(text)
    attacked = next(e for e in data["events"] if e["trigger"] and text[e["trigger"][0] : e["trigger"][1]] == "attacked")
    assert attacked["date"]["start"] == "2024-04-30"


def test_analyze_reads_stdin():
    result = runner.invoke(app, ["analyze", "-", "--json"], input=ARTICLE.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["actors"]


def test_analyze_html_page(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Border raid | Wire</title><meta property='og:site_name' content='Test Wire'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Border raid</h1>"
        "<p>The Rapid Support Forces attacked a convoy near El Fasher on Tuesday, two officials told Reuters.</p>"
        "<p>The army said that it would respond to the attack on the convoy within days.</p></article>"
        "<footer>Copyright Test Wire. Subscribe to our newsletter.</footer></body></html>",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["analyze", str(page), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert "Copyright" not in data["article"]["text"] and "Home" not in data["article"]["text"]
    assert data["article"]["outlet"] == "Test Wire"


@pytest.mark.parametrize(
    "content, code",
    [
        (b"", "E001"),
        (b"   \n\n  ", "E001"),
        (b"\x00\x01\x02binary\x00", "E002"),
        (b"caf\xe9 au lait and more text", "E003"),
        ("Le gouvernement français a annoncé mardi une nouvelle réforme des retraites qui suscite la colère des syndicats.".encode(), "E005"),
    ],
)
def test_bad_input_gives_coded_error_without_traceback(tmp_path, content, code):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 2
    assert code in result.output and str(path) in result.output.replace("\n", "")
    assert "Traceback" not in result.output


def test_huge_input_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("The army attacked the town. " * 190_000, encoding="utf-8")  # ~5 MB
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 2 and "E004" in result.output


def test_missing_file(tmp_path):
    result = runner.invoke(app, ["analyze", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2 and "E007" in result.output


def test_unknown_model_is_a_clear_error(article_file):
    result = runner.invoke(app, ["analyze", str(article_file), "--model", "no_such_pipeline"])
    assert result.exit_code == 2 and "E101" in result.output


def test_every_command_and_option_has_help():
    command = typer.main.get_command(app)
    assert len(command.commands) >= 3
    for name, sub in command.commands.items():
        assert sub.help, f"command {name} has no help"
        for param in sub.params:
            # typer ships its own click: compare by kind, not by class
            assert param.param_type_name in {"option", "argument"}
            assert getattr(param, "help", None), f"{name} {param.name} has no help"


def test_demo_runs():
    result = runner.invoke(app, ["demo", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["relations"] and any(c["factuality"]["polarity"] == "negative" for c in data["claims"])
    assert data["events"] and all(e["confidence"] >= 0.4 for e in data["events"])
    assert any(a["type"] == "direct" for a in data["attributions"])


def test_serve_without_the_web_extra_is_a_coded_error(monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "uvicorn" else real(name, *a))
    result = runner.invoke(app, ["serve"])
    assert result.exit_code == 2
    assert "E501" in result.output and "newsgraph[web]" in result.output and "Traceback" not in result.output
