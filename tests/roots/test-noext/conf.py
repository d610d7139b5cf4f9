# sphinx_impress is not listed: "sphinx-build -b impress" loads it by its entry point.
extensions = []
