"""``python -m sphinx_impress.cli``: the ``sphinx-impress`` command."""

import sys

from . import main

sys.exit(main())
