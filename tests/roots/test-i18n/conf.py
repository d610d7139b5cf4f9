# A deck and the German catalogue of it (locale/de/LC_MESSAGES/index.po), built with
# -D language=de as Read the Docs builds a translation.
extensions = ["myst_parser", "sphinx_impress"]
locale_dirs = ["locale"]
gettext_compact = False
