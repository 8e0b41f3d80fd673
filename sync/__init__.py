"""The sync core: identifiers, envelope, protocol, outbox and engine. Pure Python, no Qt."""
