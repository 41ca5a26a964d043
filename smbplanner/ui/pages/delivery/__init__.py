"""The Delivery tab of Roadmap & budget: the portfolio's actuals against its plan."""
