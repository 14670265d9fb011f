import pytest

from max247.pilot import Pilot
from max247.ui.text import SHY, fit, wrap


@pytest.fixture(scope="module")
def fonts():
    return Pilot((640, 480)).app.fonts


def test_breaks_at_spaces_never_inside_a_word(fonts):
    lines = wrap(fonts, "Noor plays Block Quest every evening after homework", 200, 24)
    assert len(lines) > 1
    assert " ".join(lines) == "Noor plays Block Quest every evening after homework"
    assert all(fonts.width(line, 24) <= 200 for line in lines)


def test_never_breaks_at_a_non_breaking_space(fonts):
    text = "Tu viens\u00a0? Attention\u00a0: « oui\u00a0»"
    widest = max(fonts.width(w, 24) for w in text.split(" "))
    for width in range(widest, 400, 7):
        for line in wrap(fonts, text, width, 24):
            assert not line.startswith(("?", ":", "»"))


def test_soft_hyphens_break_with_a_hyphen(fonts):
    word = f"vertrouwens{SHY}persoon"
    lines = wrap(fonts, f"een {word}", fonts.width("een vertrouwens-", 24) + 2, 24)
    assert lines == ["een vertrouwens-", "persoon"]
    assert wrap(fonts, word, 1000, 24) == ["vertrouwenspersoon"]


def test_a_word_wider_than_the_box_alone_is_split(fonts):
    lines = wrap(fonts, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 100, 24)
    assert len(lines) > 1 and "".join(lines) == "a" * 30


def test_a_box_squeezed_to_nothing_does_not_hang(fonts):
    assert wrap(fonts, "hello", 0, 24) == list("hello")
    assert wrap(fonts, "hello", -50, 24) == list("hello")


def test_fit_shrinks_but_never_below_the_minimum_then_pages(fonts):
    text = "word " * 200
    f = fit(fonts, text, 300, 100, 30, 20)
    assert f.size == 20 and len(f.pages) > 1
    assert all(len(p) * f.line_height <= 100 for p in f.pages)
    short = fit(fonts, "hello", 300, 100, 30, 20)
    assert short.size == 30 and len(short.pages) == 1


def test_emoji_come_from_the_fallback_font(fonts):
    assert fonts.missing("hello 👋🏽 ça va ?") == set()
    runs = fonts.runs("hi 👋🏽!")
    assert [r.emoji for r in runs] == [False, True, False]
    assert fonts.render("hi 👋🏽!", 24, (0, 0, 0)).get_height() == fonts.get(24).get_height()


def test_reflow_joins_hard_wrapped_lines_and_keeps_paragraphs_and_items():
    from max247.ui.text import reflow

    notes = (
        "Before you start: agree the ground rules (we talk about Jana,\n"
        "not about ourselves).\n\n"
        "What to look at together:\n"
        "- How Dylan worked: three weeks of being sweet,\n"
        "  then a threat.\n"
        "- Sending one more photo never makes it stop.\n"
    )
    assert reflow(notes) == (
        "Before you start: agree the ground rules (we talk about Jana, not about ourselves).\n\n"
        "What to look at together:\n"
        "- How Dylan worked: three weeks of being sweet, then a threat.\n"
        "- Sending one more photo never makes it stop."
    )


def test_a_phone_number_never_breaks_across_lines():
    from max247.ui.text import Fonts, wrap

    fonts = Fonts()
    text = "Centre de Prévention du Suicide · 0800 32 123"
    width = fonts.width("Centre de Prévention du Suicide · 0800 32", 30) + 2
    lines = wrap(fonts, text, width, 30)
    assert any("0800 32 123" in line for line in lines), lines


def test_the_caches_stay_bounded_by_bytes_and_by_count():
    from max247.ui.text import Fonts

    fonts = Fonts(cache_bytes=2 * 2**20, font_count=8)
    for size in range(20, 120):  # a long lesson at 4K: big lines at many sizes
        surf = fonts.render(f"Line {size} of a long lesson on a large board", size, (0, 0, 0))
    assert fonts._render_bytes == sum(_size(s) for s in fonts._renders.values())
    assert fonts._render_bytes <= 2 * 2**20
    assert len(fonts._fonts) <= 8
    # the newest line is kept, and a font used again is kept while older ones go
    assert fonts.render("Line 119 of a long lesson on a large board", 119, (0, 0, 0)) is surf
    keep = fonts.get(20)
    for size in range(200, 210):
        fonts.get(size)
        assert fonts.get(20) is keep


def _size(surface) -> int:
    return surface.get_width() * surface.get_height() * surface.get_bytesize()
