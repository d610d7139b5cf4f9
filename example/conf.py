# Sphinx configuration for the "Container Solutions" example deck.
#
# Build the presentation with:
#
#     sphinx-build -b impress example example/_build/impress
#
# The deck is an adaptation of the talk "Container Solutions" by Jan Wagner
# (https://waja.github.io/container_solutions/container_solutions/), licensed
# CC BY-SA 3.0 DE (https://creativecommons.org/licenses/by-sa/3.0/de/).  The
# slide layout and facts come from the original; the wording and the drawings
# are new, and this adaptation is shared under the same licence.

project = "Container Solutions"
author = "Jan Wagner (original talk); adapted as a sphinx-impress example"

# MyST parses the Markdown source; sphinx_impress adds the ``step`` directive
# and the ``impress`` builder.
extensions = ["myst_parser", "sphinx_impress"]
exclude_patterns = ["_build"]

# Size of one slide in px: the original slides sit 1200 px apart in x and
# 1000 px apart in y, so a 1000 x 700 slide leaves a gap between neighbours.
impress_width = 1000
impress_height = 700
