"""The Snapshots tab of Roadmap & budget: baselines and comparisons."""
