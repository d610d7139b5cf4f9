extensions = ["myst_parser", "sphinx.ext.todo", "sphinx.ext.mathjax", "sphinx_impress"]
myst_enable_extensions = ["dollarmath"]
todo_include_todos = True
