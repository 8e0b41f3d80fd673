"""Qt-free use cases the window and the headless commands share (capture, sync, indicators)."""
