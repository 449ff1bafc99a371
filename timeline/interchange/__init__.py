"""Other formats in and out: CSV, TimelineJS3 JSON and iCalendar, and events files written back.

Each format is one module owning both directions: ``csv_format`` (``to_csv``/``from_csv``),
``timelinejs`` (``to_timelinejs``/``from_timelinejs``) and ``ics`` (``to_ics``/``from_ics``).
Exports take a Timeline and return text; imports take text and return a validated Timeline,
raising ``TimelineFileError`` with every problem located in the input (``FILE:ROW:0`` for a
CSV row, ``FILE:0:0`` with the event's position for JSON and iCalendar). ``serialize``
writes a Timeline as an events file that ``timeline.io.load`` reads back unchanged.

Each module's docstring says which fields its format carries: a round trip (export, then
import) gives back those fields and nothing else.

To add a format: write ``timeline/interchange/<format>.py`` with the two functions, add it to
``timeline.cli.interchange``'s format enums, and add a round-trip test.
"""
