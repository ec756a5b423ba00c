"""Evidence highlighting: nesting, crossing spans, teasers left out, everything escaped."""

from __future__ import annotations

import re

import pytest

from signaal.web.highlight import Mark, mark_text, render, sentence_html


def plain(html: str) -> str:
    """The text a browser shows, minus the tags' labels (tags and markup removed, unescaped)."""
    html = re.sub(r'<span class="tag">.*?</span>', "", html)
    text = re.sub(r"<[^>]+>", "", html)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", '"').replace(
        "&#39;", "'").replace("&amp;", "&")


def balanced(html: str) -> bool:
    depth = 0
    for tag in re.findall(r"</?mark", html):
        depth += -1 if tag.startswith("</") else 1
        if depth < 0:
            return False
    return depth == 0


@pytest.mark.parametrize("text, marks, expected", [
    ("Rusland trekt terug.", [Mark(0, 7, "mention", "mention")],
     '<mark class="mention">Rusland</mark> trekt terug.'),
    ("ab cd", [Mark(0, 5, "claim", "claim"), Mark(3, 5, "event", "event")],
     '<mark class="claim">ab <mark class="event">cd</mark></mark>'),
    # An inner layer given first still nests inside the outer one.
    ("ab cd", [Mark(3, 5, "event", "event"), Mark(0, 5, "claim", "claim")],
     '<mark class="claim">ab <mark class="event">cd</mark></mark>'),
])
def test_highlight_nesting(text, marks, expected):
    assert render(text, marks) == expected


def test_highlight_crossing_spans_are_split_with_one_anchor():
    # event 0-5 and quantity 3-8 cross: the quantity is reopened; its id only on the first piece.
    html = str(render("aaa bbb ccc", [Mark(0, 5, "event", "event", anchor="e1", tag="E"),
                                      Mark(3, 8, "quantity", "quantity", anchor="q1", tag="Q")]))
    assert balanced(html) and plain(html) == "aaa bbb ccc"
    assert html.count('id="q1"') == 1 and html.count('id="e1"') == 1
    assert html.count('<mark class="quantity"') == 2 and html.count(">Q<") == 1


def test_highlight_escapes_text_labels_and_titles():
    text = 'x <script>alert(1)</script> "y" & z'
    html = str(render(text, [Mark(2, 10, "claim", "claim", tag="<b>tag</b>",
                                  title='" onmouseover="alert(2)')]))
    assert "<script>" not in html and "<b>" not in html
    assert 'onmouseover="' not in html and "&#34; onmouseover=&#34;alert(2)" in html
    assert plain(html) == text


def test_highlight_skip_leaves_teasers_out():
    text = "Body text. Lees ook: Other story"
    html = str(render(text, [Mark(0, 4, "mention", "mention")], skip=[(11, len(text))]))
    assert plain(html) == "Body text. " and "Lees ook" not in html


@pytest.mark.parametrize("start, end", [(None, 3), (2, 99), (5, 5), (-1, 2)])
def test_highlight_sentence_with_bad_offsets_is_plain_escaped(start, end):
    assert str(sentence_html("a <b> c", start, end)) == "a &lt;b&gt; c"


def test_highlight_mark_text_finds_the_span():
    assert str(mark_text("Het Kremlin ontkent dat.", "ontkent")) == (
        'Het Kremlin <mark class="hit">ontkent</mark> dat.')
    assert str(mark_text("no match <i>", "zzz")) == "no match &lt;i&gt;"


def test_highlight_snippet_marks_matches_after_escaping():
    from signaal.web.highlight import snippet_html

    html = str(snippet_html("de [troepen] <script>x</script> [a&b]"))
    assert html == ('de <mark class="hit">troepen</mark> &lt;script&gt;x&lt;/script&gt; '
                    '<mark class="hit">a&amp;b</mark>')
