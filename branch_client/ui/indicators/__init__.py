"""The Indicators page's parts: the table model, the charts, the PDF report and its dialogs."""
