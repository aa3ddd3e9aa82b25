"""What a run shows people: step log, cucumber.json, report.html, guide heatmap, dashboard, progress."""
