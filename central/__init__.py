"""The reference CAM-IE centre: store, batch intake, HTTP API, runner and CLI (docs/central.md)."""
