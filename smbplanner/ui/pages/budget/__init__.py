"""The Budget tab of Roadmap & budget: envelopes, chart, table and Fit to budget."""
