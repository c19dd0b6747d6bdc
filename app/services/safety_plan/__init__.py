"""Safety plans: versions, sections as data, the numbers printed on them."""
