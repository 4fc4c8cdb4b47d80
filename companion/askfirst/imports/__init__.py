"""Importers: other tools' data turned into the store's events.

Each importer is pure reading: it yields `store.NewEvent` records and collects the rows
it could not use; the CLI feeds the events to `Store.add_events` in chunks. Event ids are
derived from the source data, so importing the same export twice stores nothing twice.
"""

from .export_files import ExportFile, NotAnExport
from .linkedin import LinkedInExport, Problem

__all__ = ["ExportFile", "LinkedInExport", "NotAnExport", "Problem"]
