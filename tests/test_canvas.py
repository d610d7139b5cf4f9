"""The canvas map alone: positions in, an SVG document out, read back with ElementTree."""

from __future__ import annotations

import cmath
import math
import re
import xml.etree.ElementTree as ET

import pytest

from sphinx_impress.core.canvas import CanvasStep, canvas_svg
from sphinx_impress.core.geometry import Position

SVG = "{http://www.w3.org/2000/svg}"
W, H = 1000, 600
TOLERANCE = 0.011  # numbers are written with two decimals


def parse(document: str) -> ET.Element:
    return ET.fromstring(document.encode("utf-8"))


def polygons(root: ET.Element) -> list[ET.Element]:
    return list(root.iter(f"{SVG}polygon"))


def points(text: str) -> list[tuple[float, float]]:
    return [tuple(float(n) for n in pair.split(",")) for pair in text.split()]


def view_box(root: ET.Element) -> tuple[float, float, float, float]:
    x, y, w, h = (float(n) for n in root.get("viewBox").split())
    return x, y, w, h


def expected_corners(x, y, scale=1.0, rotate_z=0.0, collapse_y=False):
    """The corners, top-left first, clockwise, of a W x H step turned ``rotate_z`` degrees
    clockwise on a y-down screen (a positive angle in the complex plane with y as the
    imaginary part); ``collapse_y`` flattens it as a 90-degree turn about x does."""
    half = [(-W / 2, -H / 2), (W / 2, -H / 2), (W / 2, H / 2), (-W / 2, H / 2)]
    turn = cmath.exp(1j * math.radians(rotate_z))
    corners = []
    for cx, cy in half:
        z = complex(cx * scale, 0 if collapse_y else cy * scale) * turn
        corners.append((x + z.real, y + z.imag))
    return corners


def assert_close(actual, expected):
    assert len(actual) == len(expected)
    for (ax, ay), (ex, ey) in zip(actual, expected, strict=True):
        assert abs(ax - ex) <= TOLERANCE and abs(ay - ey) <= TOLERANCE, (actual, expected)


# A deck with one step of each kind; MIXED_CORNERS is worked out here, not by the module.
MIXED = [
    CanvasStep("plain", Position(x=0, y=0), "Plain"),
    CanvasStep("big", Position(x=3000, y=-200, scale=2), "Big"),
    CanvasStep("turned", Position(x=3000, y=2500, rotate_z=90)),
    CanvasStep("edge-on", Position(x=-1500, y=2500, z=-800, rotate_x=90)),
    CanvasStep("tilted", Position(x=-2000, y=-1700, rotate_z=-30, scale=1.5)),
]
MIXED_CORNERS = [
    [(-500, -300), (500, -300), (500, 300), (-500, 300)],
    [(2000, -800), (4000, -800), (4000, 400), (2000, 400)],
    # Clockwise by 90: the top-left corner goes to the top-right, and so on.
    [(3300, 2000), (3300, 3000), (2700, 3000), (2700, 2000)],
    [(-2000, 2500), (-1000, 2500), (-1000, 2500), (-2000, 2500)],
    expected_corners(-2000, -1700, scale=1.5, rotate_z=-30),
]


def test_root_is_an_svg_whose_view_box_holds_every_corner():
    root = parse(canvas_svg(MIXED, W, H))
    assert root.tag == f"{SVG}svg"
    left, top, width, height = view_box(root)
    for corners in MIXED_CORNERS:
        for x, y in corners:
            assert left < x < left + width and top < y < top + height, (x, y)


def test_view_box_margin_is_five_percent_of_the_larger_extent():
    root = parse(canvas_svg(MIXED, W, H))
    xs = [x for corners in MIXED_CORNERS for x, _ in corners]
    ys = [y for corners in MIXED_CORNERS for _, y in corners]
    margin = 0.05 * max(max(xs) - min(xs), max(ys) - min(ys))
    expected = (min(xs) - margin, min(ys) - margin,
                max(xs) - min(xs) + 2 * margin, max(ys) - min(ys) + 2 * margin)
    for actual, wanted in zip(view_box(root), expected, strict=True):
        assert abs(actual - wanted) <= TOLERANCE


def test_single_step_gets_a_margin_of_at_least_a_twentieth_of_a_step_width():
    # A step seen edge-on has no height; the view box must still have one.
    root = parse(canvas_svg([CanvasStep("a", Position(rotate_x=90))], W, H))
    left, _top, width, height = view_box(root)
    assert left == pytest.approx(-W / 2 - 0.05 * W, abs=TOLERANCE)
    assert width == pytest.approx(W * 1.1, abs=TOLERANCE)
    # its margins would make it 0.1 W high; the drawing is at least a fifth as high as
    # wide, for labels (MIN_SIDE)
    assert height == pytest.approx(0.2 * 1.1 * W, abs=TOLERANCE)
    assert _top == pytest.approx(-0.2 * 1.1 * W / 2, abs=TOLERANCE)


def test_pixel_size_has_larger_side_1200_and_the_view_box_aspect():
    wide = parse(canvas_svg(MIXED, W, H))
    _, _, vw, vh = view_box(wide)
    assert vw > vh
    assert float(wide.get("width")) == 1200
    assert float(wide.get("height")) == pytest.approx(1200 * vh / vw, abs=TOLERANCE)

    tall_deck = [CanvasStep("a", Position()), CanvasStep("b", Position(y=5000))]
    tall = parse(canvas_svg(tall_deck, W, H))
    _, _, vw, vh = view_box(tall)
    assert vh > vw
    assert float(tall.get("height")) == 1200
    assert float(tall.get("width")) == pytest.approx(1200 * vw / vh, abs=TOLERANCE)


def test_one_polygon_per_step_in_order_with_its_corners():
    root = parse(canvas_svg(MIXED, W, H))
    found = polygons(root)
    assert len(found) == len(MIXED)
    for number, (polygon, step, corners) in enumerate(
        zip(found, MIXED, MIXED_CORNERS, strict=True), start=1
    ):
        assert_close(points(polygon.get("points")), corners)
        hover = polygon.find(f"{SVG}title").text
        expected = f"{number}. {step.id} — {step.title}" if step.title else f"{number}. {step.id}"
        assert hover == expected


def test_a_step_turned_about_x_or_y_by_90_degrees_is_a_line():
    deck = [
        CanvasStep("x90", Position(x=100, y=50, rotate_x=90)),
        CanvasStep("y270", Position(x=100, y=50, rotate_y=270, scale=2)),
        CanvasStep("x90z30", Position(rotate_x=-90, rotate_z=30)),
    ]
    for polygon in polygons(parse(canvas_svg(deck, W, H))):
        corners = points(polygon.get("points"))
        (ax, ay), (bx, by) = corners[0], corners[2]
        assert math.hypot(bx - ax, by - ay) > 100  # a line, not a point
        for x, y in corners:
            # Every corner on the line through two opposite corners.
            cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax)
            assert abs(cross) <= 0.02 * math.hypot(bx - ax, by - ay)


def test_rotations_compose_as_in_css_rotateX_then_rotateZ():
    # impress.js writes "rotateX(90deg) rotateZ(90deg)": the z turn acts first, so the
    # step stands upright (H wide) and is then flattened to a horizontal line H long.
    # (The other way round it would be a vertical line W long.)
    deck = [CanvasStep("a", Position(rotate_x=90, rotate_z=90))]
    [polygon] = polygons(parse(canvas_svg(deck, W, H)))
    corners = points(polygon.get("points"))
    assert {round(y, 2) for _, y in corners} == {0}
    assert sorted({round(x, 2) for x, _ in corners}) == [-H / 2, H / 2]


def test_labels_are_numbers_and_ids_in_order():
    root = parse(canvas_svg(MIXED, W, H))
    texts = ["".join(text.itertext()) for text in root.iter(f"{SVG}text")]
    expected = []
    for number, step in enumerate(MIXED, start=1):
        expected += [str(number), step.id]
    assert texts == expected


def test_labels_sit_in_their_step_and_grow_with_its_scale():
    deck = [CanvasStep("one", Position(x=0)), CanvasStep("four", Position(x=9000, scale=4))]
    texts = list(parse(canvas_svg(deck, W, H)).iter(f"{SVG}text"))
    one, four = texts[0], texts[2]
    assert float(one.get("x")) == 0 and float(four.get("x")) == 9000
    assert abs(float(four.get("y"))) < 4 * H / 2
    assert float(four.get("font-size")) == pytest.approx(4 * float(one.get("font-size")), rel=0.01)
    # The id is smaller than the number and below it.
    assert float(texts[1].get("font-size")) < float(one.get("font-size"))
    assert float(texts[1].get("y")) > float(one.get("y"))


def test_label_type_stays_readable_and_in_bounds_on_extreme_decks():
    # A scale-1 step in a deck 100 steps wide, and an overview step as wide as the deck.
    deck = [CanvasStep("small", Position(x=0)), CanvasStep("far", Position(x=100 * W)),
            CanvasStep("overview", Position(x=50 * W, scale=100))]
    root = parse(canvas_svg(deck, W, H))
    _, _, vw, vh = view_box(root)
    pixel = max(vw, vh) / 1200  # one output px in canvas px
    sizes = [float(text.get("font-size")) / pixel for text in root.iter(f"{SVG}text")]
    small_number, small_id, _, _, overview_number, overview_id = sizes
    slack = 1.001  # sizes and the view box are written rounded
    assert small_number * slack >= 16 and small_id * slack >= 10
    assert overview_number <= 100 * slack and overview_id <= 36 * slack
    # The bounds, not the proportion, decide here.
    assert small_number < 20 and small_id < 12 and overview_number > 90 and overview_id > 30


def test_path_runs_through_the_centres_in_order_with_arrowheads():
    root = parse(canvas_svg(MIXED, W, H))
    [polyline] = list(root.iter(f"{SVG}polyline"))
    assert points(polyline.get("points")) == [(s.position.x, s.position.y) for s in MIXED]
    markers = {m.get("id"): m for m in root.find(f"{SVG}defs").iter(f"{SVG}marker")}
    for end in ("marker-mid", "marker-end"):
        reference = re.fullmatch(r"url\(#(.+)\)", polyline.get(end))
        assert reference and reference.group(1) in markers
    [start] = list(root.iter(f"{SVG}circle"))
    assert (float(start.get("cx")), float(start.get("cy"))) == (0, 0)


def test_path_is_drawn_over_the_steps_and_under_the_labels():
    document_order = [element.tag for element in parse(canvas_svg(MIXED, W, H)).iter()]
    last_polygon = max(i for i, tag in enumerate(document_order) if tag == f"{SVG}polygon")
    path = document_order.index(f"{SVG}polyline")
    first_text = document_order.index(f"{SVG}text")
    assert last_polygon < path < first_text


def test_stroke_widths_follow_the_view_box():
    small = parse(canvas_svg(MIXED, W, H))
    big_deck = [
        CanvasStep(s.id, Position(x=s.position.x * 10, y=s.position.y * 10, z=s.position.z,
                                  scale=s.position.scale * 10, rotate_x=s.position.rotate_x,
                                  rotate_z=s.position.rotate_z))
        for s in MIXED
    ]
    big = parse(canvas_svg(big_deck, W, H))
    ratio = view_box(big)[2] / view_box(small)[2]
    assert ratio == pytest.approx(10, rel=0.01)
    for small_group, big_group in zip(small.iter(f"{SVG}g"), big.iter(f"{SVG}g"), strict=True):
        if small_group.get("stroke-width") is not None:
            assert float(big_group.get("stroke-width")) == pytest.approx(
                ratio * float(small_group.get("stroke-width")), rel=0.01
            )


def test_hostile_ids_and_titles_are_escaped():
    hostile = '"><script>alert(1)</script>'
    title = "Q&A <b>bold</b> 'quoted' \"double\""
    deck = [CanvasStep(hostile, Position(), title), CanvasStep("a&b", Position(x=2000))]
    root = parse(canvas_svg(deck, W, H))
    assert not [e for e in root.iter() if e.tag.rsplit("}", 1)[-1] in {"script", "b"}]
    assert [polygon.find(f"{SVG}title").text for polygon in polygons(root)] == [
        f"1. {hostile} — {title}",
        "2. a&b",
    ]
    texts = ["".join(text.itertext()) for text in root.iter(f"{SVG}text")]
    assert texts == ["1", hostile, "2", "a&b"]


def test_characters_xml_cannot_hold_do_not_break_the_document():
    root = parse(canvas_svg([CanvasStep("bell\x07", Position(), "nul\x00")], W, H))
    assert polygons(root)[0].find(f"{SVG}title").text == "1. bell\ufffd — nul\ufffd"


def test_no_external_references():
    document = canvas_svg(MIXED, W, H)
    root = parse(document)
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        assert tag not in {"script", "image", "use", "a", "foreignObject", "style"}
        for name, value in element.attrib.items():
            assert not name.endswith("href")
            for url in re.findall(r"url\(([^)]*)\)", value):
                assert url.startswith("#")


def test_output_is_deterministic_and_well_formed():
    first = canvas_svg(MIXED, W, H)
    copy = [CanvasStep(s.id, Position(**vars(s.position)), s.title) for s in MIXED]
    again = canvas_svg(copy, W, H)
    assert first == again
    assert first.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    assert first.endswith("</svg>\n")
    root = parse(first)
    assert root.find(f"{SVG}title").text == "Canvas of 5 steps"


def test_numbers_have_at_most_two_decimals_and_no_negative_zero():
    deck = [
        CanvasStep("a", Position(x=1 / 3, y=-0.001, rotate_z=1e-9)),
        CanvasStep("b", Position(x=-2 / 3, y=1234.5678, scale=1.2345, rotate_z=33.3)),
    ]
    root = parse(canvas_svg(deck, W, H))
    numbers = []
    for element in root.iter():
        for name, value in element.attrib.items():
            if name in {"points", "viewBox", "x", "y", "cx", "cy", "r", "width", "height",
                        "font-size", "stroke-width"}:
                numbers += re.split(r"[ ,]+", value.strip())
    assert len(numbers) > 20
    for number in numbers:
        assert re.fullmatch(r"-?(0|[1-9]\d*)(\.\d?[1-9])?", number), number
        assert number != "-0"


def test_no_steps():
    document = canvas_svg([], W, H)
    root = parse(document)
    assert root.tag == f"{SVG}svg"
    assert root.find(f"{SVG}title").text == "Canvas of 0 steps"
    assert ["".join(t.itertext()) for t in root.iter(f"{SVG}text")] == ["no steps"]
    assert polygons(root) == []
    assert document.endswith("\n")


def test_one_step_has_a_start_dot_and_no_path():
    root = parse(canvas_svg([CanvasStep("only", Position(x=5, y=7))], W, H))
    assert root.find(f"{SVG}title").text == "Canvas of 1 step"
    assert list(root.iter(f"{SVG}polyline")) == []
    [start] = list(root.iter(f"{SVG}circle"))
    assert (float(start.get("cx")), float(start.get("cy"))) == (5, 7)


def test_a_thousand_steps():
    deck = [
        CanvasStep(f"step-{i}", Position(x=(i % 40) * 1500, y=(i // 40) * 1000, scale=1 + i % 3,
                                         rotate_z=(i * 7) % 360))
        for i in range(1000)
    ]
    root = parse(canvas_svg(deck, W, H))
    assert len(polygons(root)) == 1000
    assert len(points(next(root.iter(f"{SVG}polyline")).get("points"))) == 1000


@pytest.mark.parametrize(
    ("steps", "width", "height"),
    [
        ([], 0, H),
        ([], W, float("nan")),
        ([CanvasStep("a", Position(x=float("inf")))], W, H),
        ([CanvasStep("a", Position(scale=0))], W, H),
        ([CanvasStep("a", Position(), rotate_order="xxz")], W, H),
    ],
)
def test_rejects_numbers_it_cannot_draw(steps, width, height):
    with pytest.raises(ValueError):
        canvas_svg(steps, width, height)


# ---- labels that never overlap, links to the presentation ---------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from sphinx_impress.core.canvas import place_labels  # noqa: E402


def _disjoint(boxes) -> bool:
    for index, a in enumerate(boxes):
        for b in boxes[index + 1:]:
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                return False
    return True


def _pixel(steps) -> float:
    """One output px in canvas px, as canvas_svg works it out."""
    _, _, vw, vh = view_box(parse(canvas_svg(steps, W, H)))
    return max(vw, vh) / 1200


CROWDED = st.lists(
    st.builds(
        Position,
        x=st.floats(-3000, 3000, allow_nan=False),
        y=st.floats(-2000, 2000, allow_nan=False),
        scale=st.floats(0.2, 3),
        rotate_z=st.floats(-180, 180, allow_nan=False),
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(CROWDED, st.text(alphabet="abcdefghijklmnopqrstuvwxyz-_0123456789", min_size=1, max_size=30))
def test_labels_never_overlap(positions, stem):
    steps = [CanvasStep(f"{stem}-{n}", position) for n, position in enumerate(positions)]
    labels = place_labels(steps, W, H, _pixel(steps))
    assert _disjoint([label.box for label in labels])
    # each label's lines lie inside its box
    for label in labels:
        for line in label.lines:
            assert label.box[1] <= line.baseline <= label.box[3]


def test_crowded_labels_shorten_shrink_or_move():
    # twenty steps, each a fifth of a step width from the next: the centres crowd
    steps = [CanvasStep(f"a-rather-long-step-name-{n}", Position(x=n * W / 5)) for n in range(20)]
    labels = place_labels(steps, W, H, _pixel(steps))
    assert _disjoint([label.box for label in labels])
    assert len(labels) >= 10
    whole = [label for label in labels if len(label.lines) == 2 and not label.lines[1].text.endswith("…")]
    assert len(whole) < len(labels)  # some were shortened, shrunk to the number or moved
    numbers = [int(label.lines[0].text) for label in labels]
    assert numbers == sorted(numbers)
    texts = ["".join(t.itertext()) for t in parse(canvas_svg(steps, W, H)).iter(f"{SVG}text")]
    assert texts[:2] == ["1", "a-rather-long-step-name-0"]


def test_a_label_stays_on_its_step_before_it_moves():
    # a fifth of a step width between neighbours: each label fits on its own step,
    # its id shortened to the step's width
    steps = [CanvasStep(f"an-id-far-wider-than-its-step-{n}", Position(x=n * 1.2 * W)) for n in range(10)]
    labels = place_labels(steps, W, H, _pixel(steps))
    assert [label.x for label in labels] == [step.position.x for step in steps]
    assert all(len(label.lines) == 2 for label in labels)
    assert all(label.lines[1].text.endswith("…") for label in labels)
    assert _disjoint([label.box for label in labels])


def test_a_lone_label_sits_on_its_step():
    steps = [CanvasStep("alone", Position(x=10, y=20))]
    (label,) = place_labels(steps, W, H, _pixel(steps))
    assert label.x == 10
    _, top, _, bottom = label.box
    assert top < 20 < bottom
    assert [line.text for line in label.lines] == ["1", "alone"]


def test_steps_link_to_the_presentation_at_that_step():
    steps = [CanvasStep(s.id, s.position, s.title, href=f"index.html#/{s.id}") for s in MIXED]
    root = parse(canvas_svg(steps, W, H))
    links = list(root.iter(f"{SVG}a"))
    assert [link.get("href") for link in links] == [f"index.html#/{s.id}" for s in MIXED]
    assert [link.find(f"{SVG}polygon") is not None for link in links] == [True] * len(MIXED)


# ---- labels inside the drawing, tied to their steps; a path that does not cover them --


def _label_texts(root: ET.Element) -> list[tuple[float, float, float, float]]:
    """Each drawn text's box as the module estimates glyphs: from the baseline up by the
    ascent (0.97 em) and down by the descent (0.28 em); horizontally by text_width."""
    from sphinx_impress.core.canvas import text_width

    found = []
    for text in root.iter(f"{SVG}text"):
        size, x, baseline = (float(text.get(n)) for n in ("font-size", "x", "y"))
        half = text_width(text.text or "", size, bold=text.get("font-weight") == "bold") / 2
        found.append((x - half, baseline - 0.97 * size, x + half, baseline + 0.28 * size))
    return found


LINE_DECK = [CanvasStep(f"slide-{i}", Position(x=i * 2112)) for i in range(1000)]
GRID_DECK = [CanvasStep(f"slide-{i}", Position(x=(i % 32) * 2112, y=(i // 32) * 1188))
             for i in range(1000)]


@pytest.mark.parametrize("deck", [LINE_DECK, GRID_DECK, MIXED], ids=["line", "grid", "mixed"])
def test_every_label_lies_inside_the_drawing(deck):
    root = parse(canvas_svg(deck, 1920, 1080))
    x, y, w, h = view_box(root)
    texts = _label_texts(root)
    assert len(texts) > len(deck) / 4  # a long row keeps most of its labels
    outside = [box for box in texts
               if box[0] < x - TOLERANCE or box[1] < y - TOLERANCE
               or box[2] > x + w + TOLERANCE or box[3] > y + h + TOLERANCE]
    assert outside == []


@settings(max_examples=40, deadline=None)
@given(CROWDED)
def test_placed_labels_stay_inside_the_bounds(positions):
    steps = [CanvasStep(f"s-{n}", position) for n, position in enumerate(positions)]
    root = parse(canvas_svg(steps, W, H))
    x, y, w, h = view_box(root)
    labels = place_labels(steps, W, H, max(w, h) / 1200, (x, y, x + w, y + h))
    assert _disjoint([label.box for label in labels])
    for label in labels:
        left, top, right, bottom = label.box
        assert x - 1e-6 <= left and right <= x + w + 1e-6 and y - 1e-6 <= top and bottom <= y + h + 1e-6


def test_a_label_moved_off_its_step_has_a_leader_to_it():
    root = parse(canvas_svg(GRID_DECK, 1920, 1080))
    x, y, w, h = view_box(root)
    labels = place_labels(GRID_DECK, 1920, 1080, max(w, h) / 1200, (x, y, x + w, y + h))
    moved = [label for label in labels if label.leader is not None]
    assert moved and len(moved) < len(labels)
    by_number = {int(label.lines[0].text): label for label in labels}
    for number, label in by_number.items():
        step = GRID_DECK[number - 1]
        left, top, right, bottom = label.box
        # the footprint's bounds: the step is 1920 x 1080 at scale 1, unturned
        meets = (left <= step.position.x + 960 and step.position.x - 960 <= right
                 and top <= step.position.y + 540 and step.position.y - 540 <= bottom)
        if meets:
            assert label.leader is None
        else:
            x1, y1, x2, y2 = label.leader
            assert (x1, y1) == (step.position.x, step.position.y)
            # ends on the edge of the label's box, at its nearest point
            assert left <= x2 <= right and top <= y2 <= bottom
            assert x2 in (left, right) or y2 in (top, bottom)
    lines = list(root.find(f"{SVG}g[@class='leaders']").iter(f"{SVG}line"))
    assert len(lines) == len(moved)
    # under the labels, over the path
    order = [element.get("class") for element in root.iter(f"{SVG}g")]
    assert order.index("path") < order.index("leaders") < order.index("labels")


def test_arrowheads_only_where_steps_are_apart():
    spaced = parse(canvas_svg(MIXED, W, H)).find(f".//{SVG}polyline")
    assert spaced.get("marker-mid") and spaced.get("marker-end")
    dense_root = parse(canvas_svg(LINE_DECK, 1920, 1080))
    dense = dense_root.find(f".//{SVG}polyline")
    # 1000 steps in a row, about 1.2 output px apart: arrowheads 12.5 px long would
    # make a band over the steps; only the last one is drawn, the line half as thick
    assert dense.get("marker-mid") is None and dense.get("marker-end")
    width_of = {g.get("class"): g.get("stroke-width") for g in dense_root.iter(f"{SVG}g")}
    _, _, w, _ = view_box(dense_root)
    assert float(width_of["path"]) == pytest.approx(1.25 * w / 1200, rel=0.01)
