"""Tests of the reference centre (central/): real uvicorn on loopback, real HTTP, real files."""
