"""timeline: turn dated facts and news articles into timelines you can trust.

The public API is listed in ``__all__``; everything else is internal.
"""

from timeline.io import load
from timeline.render import figure, write_html

__version__ = "0.1.0"

__all__ = ["__version__", "figure", "load", "write_html"]
