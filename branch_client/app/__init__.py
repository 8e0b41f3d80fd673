"""The application's entry points: the Qt application, the screen flow, the headless commands, the demo and the self-test."""
