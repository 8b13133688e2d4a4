"""Odd but valid text never crashes the pipeline: it gives a report or a coded InputError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsgraph

pieces = st.sampled_from(
    [
        "Hamas", "said", "told", "MENL", ":", '"', "“", "”", "'", "‘", "’", "—", "―", "-", ",", ".", "?",
        "\n", "\n\n", "according to", "the", "two", "movements", "ISIS-allied", "(", ")", "[", "]",
        "Egypt's army", "denied", "that", "it", "they", "citing", "sources", "as", "reports", "X:",
        "Iran", "has not", "provided", "them", "with", "money", "since 2009", "will", "if", "You",
    ]
)
texts = st.lists(pieces, min_size=1, max_size=60).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_analyze_never_crashes(text):
    try:
        report = newsgraph.analyze(text, check_language=False)
    except newsgraph.InputError:
        return
    data = report.to_dict()
    n = len(data["article"]["text"])
    for attribution in data["attributions"]:
        for start, end in attribution["content"]:
            assert 0 <= start <= end <= n
    for event in data["events"]:
        assert 0 <= event["trigger"][0] < event["trigger"][1] <= n
