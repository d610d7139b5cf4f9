"""The pure core of sphinx-impress: values and units, geometry, placement, layouts and
the canvas drawing. Nothing here imports Sphinx or docutils, so every rule about where
a step goes can be read and tested on its own."""
