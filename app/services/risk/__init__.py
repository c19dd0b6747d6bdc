"""Risk and threat assessments: instruments as data, scoring, assessments, the incident timeline."""
