"""Schemathesis against the running centre: no 5xx for any input, and answers that match the published OpenAPI."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.generation.case import Case
from schemathesis.specs.openapi.checks import positive_data_acceptance

from central.runner import RunningCentre


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_input_gets_a_5xx_and_answers_match_the_schema(centre: RunningCentre, mode: GenerationMode) -> None:
    schema = schemathesis.openapi.from_url(centre.url + "/openapi.json")
    strategy = schema.as_strategy(generation_mode=mode)

    @settings(max_examples=120, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(case=strategy)
    def check(case: Case) -> None:
        response = case.call(base_url=centre.url, timeout=30)
        assert response.status_code < 500, (case.method, case.path, response.text)
        # A batch is opaque bytes to OpenAPI: "schema-valid" random bytes are rightly refused as malformed.
        excluded = [positive_data_acceptance] if case.path == "/v1/batches" else []
        case.validate_response(response, excluded_checks=excluded)

    check()


def test_the_published_schema_declares_every_endpoint(centre: RunningCentre) -> None:
    schema = schemathesis.openapi.from_url(centre.url + "/openapi.json")
    paths = schema.raw_schema["paths"]
    assert set(paths) == {
        "/v1/enrolments",
        "/v1/centre-key",
        "/v1/batches",
        "/v1/status",
        "/v1/receipts/verify",
        "/v1/health",
    }
    batches = paths["/v1/batches"]["post"]
    assert "application/octet-stream" in batches["requestBody"]["content"]
    assert {"200", "400", "401", "403", "409", "413", "422"} <= set(batches["responses"])
