"""HTTPS with a pinned centre: `cam-ie-central serve` with its own certificate, the branch
trusting only the CA bundle it was given."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from branch_client.services import sync as sync_service
from branch_client.store import BranchDirectory
from central.runner import serve_in_subprocess
from central.store import CentreStore
from sync.transport import SyncError
from tests.conftest import FAST_KDF, MANAGER
from tests.sync.helpers import FAST_RETRY, run_pass, sample_answers, submit


def _self_signed(directory: Path) -> tuple[Path, Path]:
    """A certificate for `localhost` signed by itself (it is its own CA bundle)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "CAM-IE test centre")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "centre.pem", directory / "centre-key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path


@pytest.fixture
def tls_centre(tmp_path: Path) -> Iterator[tuple[str, Path, Path]]:
    """A centre serving HTTPS on a loopback port: (URL, its CA bundle, its database)."""
    cert, key = _self_signed(tmp_path)
    with serve_in_subprocess(tmp_path / "centre.db", tls_cert=cert, tls_key=key) as url:
        yield url, cert, tmp_path / "centre.db"


def test_a_pinned_centre_is_trusted_and_an_unpinned_one_is_not(
    tmp_path: Path, tls_centre: tuple[str, Path, Path]
) -> None:
    url, ca_bundle, db = tls_centre
    with CentreStore.open(db) as store:
        first, second = store.issue_enrolment_code("PNH-01"), store.issue_enrolment_code("PNH-01")
    directory = BranchDirectory.claim(tmp_path / "branch", kdf=FAST_KDF)
    try:
        session, _ = directory.create_branch(
            branch_code="PNH-01", branch_name="Branch", manager_username=MANAGER[0], manager_password=MANAGER[1]
        )
        try:
            with pytest.raises(SyncError) as untrusted:  # the system's trust store does not know this centre
                sync_service.enrol(session, url, first, retry=FAST_RETRY)
            assert untrusted.value.code == "certificate_error"

            config = sync_service.enrol(session, url, second, ca_bundle=str(ca_bundle), retry=FAST_RETRY)
            assert config.ca_bundle == str(ca_bundle)
            submit(session, sample_answers(3, seed=21))
            result = run_pass(directory, session)
            assert result.ok, result.error
            assert result.accepted == 3
        finally:
            session.close()
    finally:
        directory.release()
