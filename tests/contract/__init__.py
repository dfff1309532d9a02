"""The contract tier: requests and replies checked against awork's official OpenAPI document."""
