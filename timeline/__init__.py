"""timeline: turn dated facts and news articles into timelines you can trust.

The public API is listed in ``__all__``; everything else is internal.
"""

from timeline.dates import Interval, PartialDate, Precision, Qualifier, Relation, parse_edtf
from timeline.errors import (
    DateSyntaxError,
    Diagnostic,
    RenderError,
    RuleDataError,
    TimelineError,
    TimelineFileError,
)
from timeline.io import CheckResult, check, load, loads
from timeline.mentions import Mention
from timeline.models import Era, Event, Source, SourceRef, Timeline
from timeline.ordering import OrderedEvent, Ordering, order, ordered
from timeline.render import figure, write_html
from timeline.tagger import tag

__version__ = "0.1.0"

__all__ = [
    "CheckResult",
    "DateSyntaxError",
    "Diagnostic",
    "Era",
    "Event",
    "Interval",
    "Mention",
    "OrderedEvent",
    "Ordering",
    "PartialDate",
    "Precision",
    "Qualifier",
    "Relation",
    "RenderError",
    "RuleDataError",
    "Source",
    "SourceRef",
    "Timeline",
    "TimelineError",
    "TimelineFileError",
    "__version__",
    "check",
    "figure",
    "load",
    "loads",
    "order",
    "ordered",
    "parse_edtf",
    "tag",
    "write_html",
]
