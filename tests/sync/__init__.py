"""Tests of the sync core (sync/)."""
