"""In a big deck only the steps near the view are drawn (impress-nearby.js): far steps
are hidden, the active step and its neighbours are shown, on the way to a far step the
steps along it are shown, an overview step and printing show every step, and a small
deck is left alone. Behaviour only: the benchmark (bench/run.py) measures the frames."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .conftest import _recorded_page, build_site

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser

    from .support import DeckPage

pytestmark = pytest.mark.browser

#: Slides of the big deck (a line layout, one slide width and a gap apart), more than
#: the 50 steps from which the script acts; the overview step comes last.
SLIDES = 80

#: ``[id, whether it has the class impress-far, its computed visibility]`` per step.
_STATES_JS = """
() => [...document.querySelectorAll('#impress .step')].map(s =>
    [s.id, s.classList.contains('impress-far'), getComputedStyle(s).visibility])
"""


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    srcdir = tmp_path_factory.mktemp("big-deck")
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_impress"]\nimpress_overview = "end"\n',
        encoding="utf-8",
    )
    slides = "".join(f"## Slide {n}\n\nText of slide {n}.\n\n" for n in range(1, SLIDES + 1))
    (srcdir / "index.md").write_text(f"# Big deck\n\n{slides}", encoding="utf-8")
    return build_site(tmp_path_factory, srcdir)


@pytest.fixture
def big_deck(browser: Browser, big_site: Path) -> Iterator[DeckPage]:
    yield from _recorded_page(browser, big_site)


def _shown(deck: DeckPage) -> list[str]:
    """Ids of the steps drawn; checks that the class and the computed style agree."""
    states = deck.evaluate(_STATES_JS)
    for step_id, far, visibility in states:
        assert far == (visibility == "hidden"), (step_id, far, visibility)
    return [step_id for step_id, far, _ in states if not far]


def test_far_steps_are_hidden_and_neighbours_shown(big_deck: DeckPage) -> None:
    big_deck.open()
    ids = big_deck.step_ids()
    assert len(ids) == SLIDES + 2  # the title's step, the slides, the overview
    assert ids[-1] == "overview"
    shown = _shown(big_deck)
    assert ids[0] in shown and ids[1] in shown
    assert ids[40] not in shown and len(shown) < 10
    big_deck.goto_step(ids[40], duration=0)
    shown = _shown(big_deck)
    assert {ids[39], ids[40], ids[41]} <= set(shown)
    assert ids[0] not in shown and ids[-2] not in shown
    assert big_deck.console_errors == [] and big_deck.page_errors == []


def test_an_address_opens_among_its_neighbours(big_deck: DeckPage) -> None:
    big_deck.open("/slide-60")
    big_deck.page.wait_for_function("() => document.querySelector('#impress .step.active')")
    assert big_deck.active_id() == "slide-60"
    shown = _shown(big_deck)
    assert {"slide-59", "slide-60", "slide-61"} <= set(shown)
    assert "slide-1" not in shown and "slide-30" not in shown


def test_the_way_to_a_far_step_is_shown(big_deck: DeckPage) -> None:
    big_deck.open()
    ids = big_deck.step_ids()
    # right after goto, before the transition ends: the steps from here to there
    shown = big_deck.evaluate(
        """target => { impress().goto(target);
            return new Promise(r => setTimeout(r, 0)).then(() =>
                [...document.querySelectorAll('#impress .step:not(.impress-far)')].map(s => s.id)); }""",
        ids[30],
    )
    assert set(ids[:32]) <= set(shown)
    assert ids[60] not in shown
    # once there, only the steps near it
    big_deck.page.wait_for_function("id => location.hash === '#/' + id", arg=ids[30])
    shown = _shown(big_deck)
    assert ids[30] in shown and ids[0] not in shown


def test_overview_step_shows_every_step(big_deck: DeckPage) -> None:
    big_deck.open()
    ids = big_deck.step_ids()
    big_deck.goto_step("overview", duration=0)
    assert _shown(big_deck) == ids
    big_deck.goto_step(ids[5], duration=0)
    assert ids[60] not in _shown(big_deck)


def test_printing_shows_every_step(big_deck: DeckPage) -> None:
    big_deck.open()
    big_deck.page.emulate_media(media="print")
    visibility = big_deck.evaluate(
        "() => [...document.querySelectorAll('#impress .step')].map(s => getComputedStyle(s).visibility)"
    )
    assert set(visibility) == {"visible"}


def test_a_small_deck_is_left_alone(deck: DeckPage) -> None:
    deck.open()
    assert len(deck.step_ids()) <= 50
    assert deck.evaluate("() => document.querySelectorAll('.impress-far').length") == 0


def test_the_script_is_a_file_after_impress_js(big_site: Path) -> None:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((big_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    sources = [script.get("src", "") for script in soup.find_all("script")]
    assert all(sources), "no inline script"
    names = [Path(s.split("?")[0]).name for s in sources]
    assert names.index("impress.min.js") < names.index("impress-nearby.js") < names.index("impress-init.js")
    assert (big_site / "_static" / "impress-nearby.js").is_file()



def test_the_presenter_console_opens(big_deck: DeckPage) -> None:
    big_deck.open()
    ids = big_deck.step_ids()
    with big_deck.page.context.expect_page() as popup:
        big_deck.page.keyboard.press("p")
    console = popup.value
    console.wait_for_selector(".impress-console-notes")
    big_deck.goto_step(ids[40], duration=0)
    assert ids[40] in _shown(big_deck) and ids[0] not in _shown(big_deck)
    assert big_deck.console_errors == [] and big_deck.page_errors == []


def test_fitting_is_lazy_and_follows_the_drawn_steps(big_deck: DeckPage) -> None:
    fitted_js = (
        "() => [...document.querySelectorAll('#impress .step[data-sphinx-impress-fitted]')]"
        ".map(s => s.id)"
    )
    big_deck.open()
    ids = big_deck.step_ids()
    # the first frames fit the start and the steps drawn around it, not the deck
    big_deck.page.wait_for_function(
        "id => document.getElementById(id).hasAttribute('data-sphinx-impress-fitted')", arg=ids[1]
    )
    big_deck.page.wait_for_timeout(300)
    at_start = big_deck.evaluate(fitted_js)
    assert ids[0] in at_start and ids[60] not in at_start
    assert set(at_start) <= set(_shown(big_deck))
    # a far step is fitted before it is shown: a far step's content is not even laid out
    big_deck.goto_step(ids[60], duration=0)
    assert ids[60] in big_deck.evaluate(fitted_js)
    assert big_deck.evaluate(
        "id => getComputedStyle(document.getElementById(id)).contentVisibility", ids[0]
    ) == "hidden"
    assert big_deck.page_errors == []
