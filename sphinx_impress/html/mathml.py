"""TeX to MathML that Chromium draws as TeX would: formulas are converted by
`latex2mathml <https://pypi.org/project/latex2mathml/>`_ and the result is made to fit
MathML Core, the part of MathML that browsers draw.

Before conversion, environments of several rows that the converter does not turn into
a table (``aligned``, ``gather``, ``eqnarray``, ``multline``, ``alignat``, rows at the
top level…) are rewritten as ones it does (``align*``, ``split``, ``\\displaylines``):
MathML Core draws ``<mtable>`` rows but not ``<mspace linebreak>``. Matrices between
fences (``vmatrix``) become a ``matrix`` between ``\\left`` and ``\\right``, whose
fences stretch. After conversion the tree is adjusted where MathML Core lacks what the
converter relies on: column and row rules (``columnlines``, ``rowlines``) become
classes that ``impress-math.css`` draws, as it draws ``columnalign``; limits of
``\\lim``, ``\\max``, ``\\operatorname*`` go under the operator in display style
(``munder`` with ``movablelimits``); function names (``\\sin x``) get TeX's thin
space; aligned columns sit with no gap but TeX's.

What is still not drawn as written (a literal ``&``, a line break outside a table) is
refused with :class:`MathError`, so the formula is shown as its TeX with a warning.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element, tostring

if TYPE_CHECKING:
    from collections.abc import Iterator

#: CSS class of an aligned table (``align*``, ``split``): no padding between a pair of
#: columns, TeX's gap between pairs.
ALIGN_CLASS = "impress-math-align"

#: CSS classes of a table cell with a rule on its right (``|`` in an array's columns)
#: or below it (``\\hline``), solid or dashed.
RULE_CLASSES = {
    ("column", "solid"): "impress-math-rule-right",
    ("column", "dashed"): "impress-math-rule-right-dashed",
    ("row", "solid"): "impress-math-rule-below",
    ("row", "dashed"): "impress-math-rule-below-dashed",
}

#: TeX's thin space (3 mu), written after a function name such as ``\sin``.
THIN_SPACE = "0.1667em"

#: One TeX token that matters to rows and columns: an environment's start or end, a
#: row break with its optional ``*`` and ``[length]``, any other control sequence, a
#: brace, a column separator, a comment.
_TOKEN = re.compile(
    r"\\begin\s*\{(?P<begin>[^{}]*)\}"
    r"|\\end\s*\{(?P<end>[^{}]*)\}"
    r"|(?P<row>\\\\\*?(?:\s*\[[^\[\]]*\])?)"
    r"|\\(?:[A-Za-z]+\*?|.)"
    r"|(?P<open>\{)|(?P<close>\})"
    r"|(?P<column>&)"
    r"|%[^\n]*",
    re.DOTALL,
)

#: Environments whose rows pair right- and left-aligned columns (amsmath's ``align``
#: family); written as the converter's ``align*``, which numbers nothing.
_ALIGN = frozenset({
    "align", "align*", "aligned", "flalign", "flalign*", "alignat", "alignat*",
    "alignedat", "xalignat", "xxalignat",
})

#: Environments whose first argument is a number of column pairs.
_COUNTED = frozenset({"alignat", "alignat*", "alignedat", "xalignat", "xxalignat"})

#: Environments of centred rows; written as ``\displaylines``.
_GATHER = frozenset({"gather", "gather*", "gathered"})

#: Environments of one equation whose wrapper means nothing in MathML.
_EQUATION = frozenset({"equation", "equation*", "displaymath", "math"})

#: Environments of rows whose first line goes left and last line right.
_MULTLINE = frozenset({"multline", "multline*"})

#: Environments of three columns ``rcl`` (LaTeX's ``eqnarray``): written as ``align*``
#: with the relation joined to the right-hand side.
_EQNARRAY = frozenset({"eqnarray", "eqnarray*"})

#: Matrices between fences, written as a ``matrix`` between ``\left`` and ``\right``,
#: which the converter makes fences that stretch (``vmatrix``'s bars did not).
_FENCED = {
    "pmatrix": ("(", ")"), "bmatrix": ("[", "]"), "Bmatrix": ("\\{", "\\}"),
    "vmatrix": ("|", "|"), "Vmatrix": ("\\|", "\\|"),
}

#: Operators whose limits go under and over them in display style (TeX's ``\lim``
#: family; ``\operatorname*`` and the converter's own ``movablelimits``).
_LIMIT_OPERATORS = frozenset({"lim", "sup", "inf", "max", "min"})

#: Scripts that become under- and overscripts for an operator with limits.
_SCRIPTED = {"msub": "munder", "msup": "mover", "msubsup": "munderover"}

#: Function names the converter writes as ``<mi>`` (its ``FUNCTIONS``): TeX sets them
#: upright with a thin space before an ordinary symbol.
_FUNCTIONS = frozenset({
    "arccos", "arcctg", "arcsin", "arctan", "arctg", "ch", "cos", "cosh", "cosec", "cot",
    "cotg", "coth", "csc", "ctg", "cth", "deg", "dim", "exp", "hom", "ker", "ln", "lg",
    "log", "sec", "sh", "sin", "sinh", "tan", "tanh", "tg", "th",
})

#: A command the converter did not know, which it writes out as text.
_UNKNOWN_COMMAND = re.compile(r"\\[A-Za-z]+")

_ENTITY = re.compile(r"&#x([0-9A-Fa-f]+);")


class MathError(ValueError):
    """TeX that cannot be written as MathML that is drawn as written."""


def convert(tex: str, display: bool) -> str:
    """The MathML ``<math>`` element of a formula written in TeX, as a string.

    :param display: a displayed formula (``display="block"``), else inline.
    :raises MathError: when the converter refuses the TeX, leaves a command it does not
        know as text, or leaves a column separator or row break it did not make a table
        of.
    """
    from latex2mathml.converter import convert_to_element

    rewritten = rewrite(tex)
    try:
        math = convert_to_element(rewritten, display="block" if display else "inline")
    except Exception as error:  # noqa: BLE001 - latex2mathml raises many kinds on bad TeX
        reason = str(error) or type(error).__name__
        raise MathError(f"it is not TeX that can be converted ({reason})") from None
    _check(math)
    _fit_to_core(math)
    _decode(math)
    return tostring(math, encoding="unicode")


def rewrite(tex: str) -> str:
    """``tex`` with every environment of rows written as one the converter makes a
    table of, and rows or columns at the top level (``a &= b \\\\ c &= d``, as Sphinx's
    ``math`` directive and MyST's ``$$`` take them) set as amsmath's ``split``, the
    environment Sphinx's LaTeX and MathJax output wrap them in.

    :raises MathError: when an environment is not closed, or closed twice.
    """
    body = _rewrite_environments(tex)
    if _top_level(body, "row") or _top_level(body, "column"):
        return f"\\begin{{split}}{body}\\end{{split}}"
    return body


def stack(parts: list[str]) -> str:
    """Several equations (the blank-line separated parts of Sphinx's ``math``
    directive) as the rows of one ``split``, each part of several rows a ``split`` of
    its own, as Sphinx's MathJax output sets them."""
    if len(parts) == 1:
        return parts[0]
    rows = [
        f"\\begin{{split}}{part}\\end{{split}}" if _top_level(part, "row") else part
        for part in parts
    ]
    return "\\begin{split}" + " \\\\ ".join(rows) + "\\end{split}"


def _tokens(tex: str) -> Iterator[re.Match[str]]:
    return _TOKEN.finditer(tex)


def _top_level(tex: str, kind: str) -> list[re.Match[str]]:
    """The tokens of ``kind`` (``row`` or ``column``) outside braces and environments."""
    depth = 0
    found = []
    for token in _tokens(tex):
        if token["begin"] is not None or token["open"] is not None:
            depth += 1
        elif token["end"] is not None or token["close"] is not None:
            depth -= 1
        elif depth == 0 and token[kind] is not None:
            found.append(token)
    return found


def _split_top(tex: str, kind: str) -> list[str]:
    """``tex`` cut at its top-level tokens of ``kind``."""
    pieces = []
    start = 0
    for token in _top_level(tex, kind):
        pieces.append(tex[start:token.start()])
        start = token.end()
    pieces.append(tex[start:])
    return pieces


def _rewrite_environments(tex: str) -> str:
    """``tex`` with each environment, innermost first, rewritten by
    :func:`_environment`; row breaks lose their spacing argument (``\\\\[2pt]``),
    which the converter would show as text."""
    out: list[str] = []
    stack_: list[tuple[str, int]] = []  # (name, index in out where its body starts)
    position = 0
    for token in _tokens(tex):
        out.append(tex[position:token.start()])
        position = token.end()
        if token["begin"] is not None:
            stack_.append((token["begin"].strip(), len(out)))
            continue
        elif token["end"] is not None:
            name = token["end"].strip()
            if not stack_ or stack_[-1][0] != name:
                raise MathError(f"\\end{{{name}}} closes no \\begin{{{name}}}")
            _, start = stack_.pop()
            body = "".join(out[start:])
            del out[start:]
            out.append(_environment(name, body))
            continue
        elif token["row"] is not None:
            out.append("\\\\")
            continue
        out.append(token.group())
    out.append(tex[position:])
    if stack_:
        name = stack_[-1][0]
        raise MathError(f"\\begin{{{name}}} is not closed")
    return "".join(out)


def _environment(name: str, body: str) -> str:
    """One environment as the converter draws it right."""
    if name in _EQUATION:
        return body
    if name in _COUNTED:
        body = re.sub(r"^\s*\{[^{}]*\}", "", body, count=1)
    if name == "aligned" or name == "gathered":
        body = re.sub(r"^\s*\[[tcb]\]", "", body, count=1)
    if name in _ALIGN:
        return f"\\begin{{align*}}{body}\\end{{align*}}"
    if name in _EQNARRAY:
        rows = []
        for row in _split_top(body, "row"):
            cells = _split_top(row, "column")
            rows.append(cells[0] + ("&" + " ".join(cells[1:]) if len(cells) > 1 else ""))
        return "\\begin{align*}" + "\\\\".join(rows) + "\\end{align*}"
    if name in _FENCED:
        left, right = _FENCED[name]
        return f"\\left{left}\\begin{{matrix}}{body}\\end{{matrix}}\\right{right}"
    if name in _GATHER:
        return f"{{\\displaylines{{{body}}}}}"
    if name in _MULTLINE:
        rows = [row for row in _split_top(body, "row") if row.strip()]
        if len(rows) > 1:
            rows[0] = rows[0] + " \\hfil"
            rows[-1] = "\\hfil " + rows[-1]
        # the closing row break makes the converter align the last row too
        return "{\\displaylines{" + " \\\\ ".join(rows) + " \\\\}}"
    return f"\\begin{{{name}}}{body}\\end{{{name}}}"


def _check(math: Element) -> None:
    """Refuse what the converter left as text or as a line break: MathML Core draws
    neither as TeX does."""
    for element in math.iter():
        if element.tag == "mi" and element.text == "&":
            raise MathError(
                "it has a column separator & outside an environment of rows "
                "(aligned, align, split, matrix, cases, array…)"
            )
        if element.tag == "mspace" and element.get("linebreak"):
            raise MathError(
                "it has a row break \\\\ inside braces or an environment that has no "
                "rows, which MathML does not draw as a new line"
            )
    unknown = sorted({
        element.text for element in math.iter()
        if element.text and _UNKNOWN_COMMAND.fullmatch(element.text)
    })
    if unknown:
        raise MathError(f"it has commands that cannot be converted: {', '.join(unknown)}")


def _fit_to_core(math: Element) -> None:
    """Adjust the converter's tree where MathML Core draws differently (see the module
    docstring)."""
    for parent in list(math.iter()):
        for element in parent:
            if element.tag == "mtable":
                _table(element)
            elif element.tag in _SCRIPTED:
                _limits(element)
        if parent.tag in ("mrow", "mtd", "math", "mstyle"):
            _function_spaces(parent)


def _table(table: Element) -> None:
    """Classes for an aligned table and for its rules."""
    classes = []
    if (table.get("columnspacing") or "").startswith("0em"):
        classes.append(ALIGN_CLASS)
    if classes:
        table.set("class", " ".join(classes))
    columns = (table.get("columnlines") or "").split()
    rows = (table.get("rowlines") or "").split()
    table_rows = [row for row in table if row.tag == "mtr"]
    for index, row in enumerate(table_rows):
        below = rows[index] if index < len(rows) and index < len(table_rows) - 1 else "none"
        for column, cell in enumerate(row):
            names = []
            line = columns[column] if column < len(columns) else "none"
            if line != "none" and column < len(row) - 1:
                names.append(RULE_CLASSES[("column", "dashed" if line == "dashed" else "solid")])
            if below != "none":
                names.append(RULE_CLASSES[("row", "dashed" if below == "dashed" else "solid")])
            if names:
                cell.set("class", " ".join(names))


def _limits(script: Element) -> None:
    """``\\lim_{x\\to0}``: an operator with limits takes its scripts under and over it
    (``movablelimits``: beside it again in inline formulas, as in TeX)."""
    base = script[0] if len(script) else None
    if base is None or base.tag != "mo":
        return
    if base.text not in _LIMIT_OPERATORS and base.get("movablelimits") != "true":
        return
    script.tag = _SCRIPTED[script.tag]
    base.set("movablelimits", "true")


def _function_spaces(row: Element) -> None:
    """TeX's thin space between a function name (``\\sin``, also with a script, as in
    ``\\sin^2``) and an ordinary symbol after it: ``\\sin x``, not "sinx"."""
    children = list(row)
    for index in range(len(children) - 1, -1, -1):
        child = children[index]
        name = child[0] if child.tag in ("msub", "msup", "msubsup") and len(child) else child
        if name.tag != "mi" or name.text not in _FUNCTIONS:
            continue
        following = children[index + 1] if index + 1 < len(children) else None
        if following is None or following.tag in ("mo", "mspace"):
            continue
        row.insert(index + 1, Element("mspace", width=THIN_SPACE))


def _decode(math: Element) -> None:
    """The converter writes characters as references (``&#x0003D;``) into text it then
    unescapes as a whole; write them as characters, so that serialising escapes what
    must be escaped (``<`` in ``\\text``) and nothing else."""
    for element in math.iter():
        if element.text:
            element.text = _ENTITY.sub(lambda m: chr(int(m[1], 16)), element.text)
