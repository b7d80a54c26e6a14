"""Publishing: Datasette configuration and plugins for the archive."""
