import pytest

from max247.story.conditions import (
    BoolOp,
    Compare,
    ConditionSyntaxError,
    Flag,
    Not,
    evaluate,
    flags_read,
    parse,
)


def test_precedence_not_then_and_then_or():
    cond = parse("a or not b and c")
    assert cond == BoolOp("or", Flag("a"), BoolOp("and", Not(Flag("b")), Flag("c")))


def test_parentheses_and_comparisons():
    cond = parse("(trust >= 2 or app == snaptalk) and not told")
    assert flags_read(cond) == ["trust", "app", "told"]
    assert cond.left.left == Compare("trust", ">=", 2)
    assert cond.left.right == Compare("app", "==", "snaptalk")


@pytest.mark.parametrize(
    ("text", "flags", "expected"),
    [
        ("gems", {}, False),
        ("gems", {"gems": True}, True),
        ("not gems", {}, True),
        ("trust >= 2", {}, False),
        ("trust >= 2", {"trust": 2}, True),
        ("trust < 1", {}, True),
        ("app == snaptalk", {}, False),
        ("app != snaptalk", {}, True),
        ("app == snaptalk", {"app": "snaptalk"}, True),
        ("gems == true", {"gems": True}, True),
        ("gems == false", {}, True),
        ("count", {"count": 0}, False),
        ("count", {"count": 3}, True),
        ("app", {"app": "x"}, True),
        ("trust > 1", {"trust": "high"}, False),
        ("a and b or c", {"c": True}, True),
    ],
)
def test_evaluation(text, flags, expected):
    assert evaluate(parse(text), flags) is expected


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("gems &&", 5),
        ("trust = 2", 6),
        ("(a and b", 8),
        ("a b", 2),
        ("trust >= other flag", 15),
        ("", 0),
        ("Gems", 0),
        ("a ==", 4),
    ],
)
def test_syntax_errors_point_at_the_column(text, column):
    with pytest.raises(ConditionSyntaxError) as exc:
        parse(text)
    assert exc.value.column == column, str(exc.value)


def test_an_unknown_operator_is_a_mistake_not_greater_or_equal():
    from max247.story.conditions import compare

    with pytest.raises(ValueError):
        compare(3, "=>", 2)
    with pytest.raises(ValueError):
        compare(None, "~", "word")


def test_only_the_comparison_asked_is_made():
    asked: list[str] = []

    class Counting(int):
        def __lt__(self, other):
            asked.append("<")
            return int(self) < other

        def __le__(self, other):
            asked.append("<=")
            return int(self) <= other

        def __gt__(self, other):
            asked.append(">")
            return int(self) > other

        def __ge__(self, other):
            asked.append(">=")
            return int(self) >= other

    from max247.story.conditions import compare

    assert compare(Counting(3), "<=", 4)
    assert asked == ["<="]
