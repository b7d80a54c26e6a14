"""Spiders: navigation only. They find article pages and yield them as fetched."""
