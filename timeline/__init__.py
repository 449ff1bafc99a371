"""timeline: turn dated facts and news articles into timelines you can trust.

The public API is listed in ``__all__``; everything else is internal.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
