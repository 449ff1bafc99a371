"""timeline: turn dated facts and news articles into timelines you can trust.

The public API is listed in ``__all__``; everything else is internal.
"""

from timeline.mentions import Mention
from timeline.tagger import tag

__version__ = "0.1.0"

__all__ = ["Mention", "__version__", "tag"]
