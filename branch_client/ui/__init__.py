"""Every Qt widget of the app. Screens display state; logic lives outside this package."""
