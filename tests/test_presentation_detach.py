"""``detach`` takes slides out of their parents in one pass per parent."""

from __future__ import annotations

from docutils import nodes

from sphinx_impress.extension.presentation import detach


def test_detach_keeps_the_order_of_what_stays() -> None:
    section = nodes.section(ids=["top"])
    title = nodes.title(text="Top")
    subsections = [nodes.section(ids=[f"s{n}"]) for n in range(6)]
    deeper = nodes.section(ids=["deeper"])
    subsections[2].append(deeper)
    paragraph = nodes.paragraph(text="kept")
    section.extend([title, subsections[0], paragraph, *subsections[1:]])
    leaving = [section, subsections[1], subsections[2], deeper, subsections[5]]
    document = nodes.document(None, None)
    document.append(section)

    detach(leaving)

    assert document.children == []
    assert section.children == [title, subsections[0], paragraph, subsections[3], subsections[4]]
    assert subsections[2].children == []
    assert all(element.parent is None for element in leaving)
    assert all(child.parent is section for child in section.children)
