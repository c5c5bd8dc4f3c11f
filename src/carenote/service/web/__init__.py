"""Server-rendered HTML pages: articles, the symptom check and its result."""
