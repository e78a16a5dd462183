"""Blueprints: one per area of the product. They import from the layers below, never from each other."""
