# Sphinx configuration of the sphinx-impress documentation.
#
#     sphinx-build -W -n -b html docs docs/_build/html
#
# The pages are MyST Markdown. ``sphinx_impress._docs`` adds the directives that
# write the reference tables from the package's code.

from sphinx_impress import __version__

project = "sphinx-impress"
author = "The sphinx-impress developers"
copyright = "the sphinx-impress developers"
version = release = __version__

extensions = [
    "myst_parser",
    "sphinx.ext.graphviz",  # the architecture page's picture; needs graphviz's dot
    "sphinx_impress",
    "sphinx_impress._docs",
]
graphviz_output_format = "svg"
exclude_patterns = ["_build"]

myst_enable_extensions = ["colon_fence", "dollarmath"]


html_theme = "furo"
html_title = f"sphinx-impress {release}"
html_static_path = ["_static"]
html_css_files = ["docs.css"]
