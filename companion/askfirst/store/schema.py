"""The database schema, as the list of steps that built it (no semicolon inside a
comment: the steps are split at them).

Each entry is one schema version; `PRAGMA user_version` says how many ran. A database
written by any earlier version is brought up to date on open, in one transaction, and
loses nothing: tests keep a small database file written by each earlier version.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    """
    CREATE TABLE contacts (
        key TEXT PRIMARY KEY,                 -- linkedin:<slug>, x:<handle>, messenger:<name>
        site TEXT NOT NULL,
        profile_url TEXT NOT NULL UNIQUE,     -- normalised (profiles.normalise)
        name TEXT,
        headline TEXT,
        keep_in_touch_days INTEGER,           -- optional cadence for keep_in_touch follow-ups
        -- summary of this contact's events, kept in step by events.resummarise
        connected_at TEXT,
        met_at TEXT,
        met_place TEXT,
        last_sent_at TEXT,
        last_received_at TEXT,
        unanswered_in_a_row INTEGER NOT NULL DEFAULT 0,
        last_activity_at TEXT,
        thread_url TEXT,
        created_at TEXT NOT NULL
    );
    CREATE INDEX contacts_by_activity ON contacts(last_activity_at);
    CREATE INDEX contacts_with_cadence ON contacts(keep_in_touch_days) WHERE keep_in_touch_days IS NOT NULL;

    CREATE TABLE events (
        id TEXT PRIMARY KEY,                  -- chosen by the client: the same event twice is stored once
        contact_key TEXT NOT NULL REFERENCES contacts(key) ON DELETE CASCADE,
        type TEXT NOT NULL CHECK (type IN ('connected', 'met', 'message_sent', 'message_received', 'note')),
        at TEXT NOT NULL,
        site TEXT,
        verdict TEXT,
        score INTEGER,
        text TEXT,                            -- message text, only when settings.store_text
        thread_url TEXT,
        place TEXT,
        note TEXT,
        recorded_at TEXT NOT NULL
    );
    CREATE INDEX events_by_contact ON events(contact_key, type, at);

    CREATE TABLE followup_marks (
        id TEXT PRIMARY KEY,                  -- followups.followup_id
        contact_key TEXT NOT NULL REFERENCES contacts(key) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('done', 'snoozed')),
        until TEXT,                           -- local date, for snoozed
        marked_at TEXT NOT NULL
    );
    CREATE INDEX followup_marks_by_contact ON followup_marks(contact_key);

    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL                   -- JSON
    );
    """,
    """
    -- One counter, raised by every write transaction, whatever process or connection
    -- makes it: "has anything changed since?" for the follow-ups cache.
    CREATE TABLE changes (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        n INTEGER NOT NULL
    );
    INSERT INTO changes (id, n) VALUES (1, 0);
    """,
    """
    -- Dates that are dates: an export says "Connected On 30 May 2024", a calendar day,
    -- not an instant. `day` keeps it, and `at` then only orders the event (noon UTC).
    ALTER TABLE events ADD COLUMN day TEXT;
    ALTER TABLE contacts ADD COLUMN connected_day TEXT;
    -- People from older exports are known by name until their profile URL arrives.
    CREATE INDEX contacts_by_name ON contacts(name COLLATE NOCASE);
    -- Today's follow-ups as answered, for the day, zone and change count they are for.
    -- Every write empties it (database.Database._write): it never outlives the data.
    CREATE TABLE followups_cache (
        day TEXT NOT NULL,
        zone TEXT NOT NULL,
        change INTEGER NOT NULL,
        body BLOB NOT NULL,
        PRIMARY KEY (day, zone)
    );
    -- Connections imported before kept the day only in their id, with `at` at midnight
    -- of whatever UTC offset the importing computer had that day.
    UPDATE events SET day = substr(id, -10), at = substr(id, -10) || 'T12:00:00.000000+00:00'
        WHERE type = 'connected' AND id LIKE 'li-export:connected:%'
        AND substr(id, -10) GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]';
    """,
    """
    -- For the user's own insights: whether a sent message asked about the other person
    -- (1/0, NULL when not analysed), and what the user did when it was held at send time
    -- ('sent_anyway' or 'edited', NULL when it was not held).
    ALTER TABLE events ADD COLUMN asked INTEGER;
    ALTER TABLE events ADD COLUMN hold TEXT;
    """,
    """
    -- Today's follow-ups also as `askfirst today` prints them, filled in by the first
    -- run that prints them: decoding and rendering thousands of them cost more than
    -- the rest of the command.
    ALTER TABLE followups_cache ADD COLUMN text TEXT;
    """,
]

# Run after the last step of any upgrade that changed events: every contact's summary
# is recomputed from its events.
RESUMMARISE_FROM = 3
