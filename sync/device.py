"""The branch device's identity at the centre: enrolment and what it leaves in the store.

Enrolment registers the device's Ed25519 key with a one-time code and keeps what the
centre answers (branch id, device id, the centre's HPKE key). All of it is stored in the
encrypted branch store (`settings`, key `sync.device`), the private key included: it
never exists in a file of its own.

A branch signs its receipts with the same key, and prints receipts before it is
enrolled. So the key can come first: `signing_key` makes it on first need and keeps it
as `sync.device_key_pending` until enrolment registers that very key (`pending_key`),
and receipts printed before enrolment verify at the centre afterwards.
"""

from __future__ import annotations

import base64
import dataclasses
import json
from dataclasses import dataclass
from typing import Any

from sync.envelope import CentrePublicKey, DeviceKey, fingerprint
from sync.protocol import KEY_KIND_MLKEM768_X25519, KEY_KIND_X25519
from sync.settings import SyncSettings
from sync.transport import SyncError, Transport, check_url

_SETTING = "device"
_PENDING_KEY_SETTING = "device_key_pending"


@dataclass(frozen=True)
class DeviceConfig:
    """Everything a sync pass needs to know about this device and its centre."""

    centre_url: str
    branch_id: str
    branch_code: str
    device_id: str
    device_key: DeviceKey
    centre_key: CentrePublicKey
    centre_key_expires_at: str | None = None
    ca_bundle: str | None = None

    @property
    def centre_fingerprint(self) -> str:
        """The centre key's fingerprint, for people to compare with the operator's."""
        return fingerprint(self.centre_key.public_bytes)

    def with_centre_key(self, key: CentrePublicKey, expires_at: str | None) -> DeviceConfig:
        """A copy holding the centre's new key (after a rotation)."""
        return dataclasses.replace(self, centre_key=key, centre_key_expires_at=expires_at)

    def to_json(self) -> str:
        """As kept in the store."""
        return json.dumps(
            {
                "centre_url": self.centre_url,
                "branch_id": self.branch_id,
                "branch_code": self.branch_code,
                "device_id": self.device_id,
                "device_private_key": base64.b64encode(self.device_key.private_bytes).decode(),
                "centre_key": _key_json(self.centre_key, self.centre_key_expires_at),
                "ca_bundle": self.ca_bundle,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> DeviceConfig:
        """Read what `to_json` wrote."""
        raw = json.loads(text)
        key, expires = parse_centre_key(raw["centre_key"])
        return cls(
            centre_url=raw["centre_url"],
            branch_id=raw["branch_id"],
            branch_code=raw["branch_code"],
            device_id=raw["device_id"],
            device_key=DeviceKey(base64.b64decode(raw["device_private_key"])),
            centre_key=key,
            centre_key_expires_at=expires,
            ca_bundle=raw.get("ca_bundle"),
        )


def _key_json(key: CentrePublicKey, expires_at: str | None) -> dict[str, Any]:
    return {
        "key_id": key.key_id,
        "kind": key.kind,
        "public_key": base64.b64encode(key.public_bytes).decode(),
        "expires_at": expires_at,
    }


def parse_centre_key(raw: object) -> tuple[CentrePublicKey, str | None]:
    """The centre key object of the protocol (enrolment, `GET /v1/centre-key`), checked."""
    try:
        if not isinstance(raw, dict):
            raise TypeError("not an object")
        kind = raw["kind"]
        if kind not in (KEY_KIND_X25519, KEY_KIND_MLKEM768_X25519):
            raise ValueError("unknown key kind")
        key = CentrePublicKey(str(raw["key_id"]), kind, base64.b64decode(raw["public_key"], validate=True))
        key.check()
        expires = raw.get("expires_at")
        return key, None if expires is None else str(expires)
    except (KeyError, TypeError, ValueError) as exc:
        raise SyncError("malformed_centre_key", "the centre's key could not be read") from exc


def load(settings: SyncSettings) -> DeviceConfig | None:
    """This store's device configuration, or None before enrolment."""
    text = settings.get(_SETTING)
    return None if text is None else DeviceConfig.from_json(text)


def save(settings: SyncSettings, config: DeviceConfig) -> None:
    """Keep the device configuration in the store."""
    settings.put(_SETTING, config.to_json())


def pending_key(settings: SyncSettings, *, create: bool = True) -> DeviceKey | None:
    """The key kept for enrolment before the device is enrolled: made and stored on first
    need (or None with `create=False` when there is none yet)."""
    text = settings.get(_PENDING_KEY_SETTING)
    if text is not None:
        return DeviceKey(base64.b64decode(text))
    if not create:
        return None
    key = DeviceKey.generate()
    settings.put(_PENDING_KEY_SETTING, base64.b64encode(key.private_bytes).decode())
    return key


def forget_pending_key(settings: SyncSettings) -> None:
    """Drop the pending key once enrolment has registered it (part of the caller's transaction)."""
    settings.put(_PENDING_KEY_SETTING, None)


def signing_key(settings: SyncSettings) -> DeviceKey:
    """The key this device signs its receipts with: the enrolled key, or before enrolment the
    pending key (made on first need) that enrolment will register."""
    config = load(settings)
    if config is not None:
        return config.device_key
    key = pending_key(settings)
    assert key is not None
    return key


def enrol(
    transport: Transport,
    *,
    enrolment_code: str,
    branch_code: str,
    device_name: str,
    ca_bundle: str | None = None,
    device_key: DeviceKey | None = None,
) -> DeviceConfig:
    """Register `device_key` (a new key if None) with the centre; raises `SyncError` (e.g. `Refused`) on failure."""
    device_key = device_key or DeviceKey.generate()
    answer = transport.enrol(
        {
            "enrolment_code": enrolment_code.strip(),
            "branch_code": branch_code,
            "device_public_key": base64.b64encode(device_key.public_bytes).decode(),
            "device_name": device_name,
        }
    )
    key, expires = parse_centre_key(answer.get("centre_key"))
    try:
        config = DeviceConfig(
            centre_url=check_url(transport.base_url),
            branch_id=str(answer["branch_id"]),
            branch_code=str(answer.get("branch_code", branch_code)),
            device_id=str(answer["device_id"]),
            device_key=device_key,
            centre_key=key,
            centre_key_expires_at=expires,
            ca_bundle=ca_bundle,
        )
    except KeyError as exc:
        raise SyncError("malformed_enrolment", "the centre's answer lacks a field") from exc
    if answer.get("device_key_id") not in (None, device_key.key_id):
        raise SyncError("malformed_enrolment", "the centre registered another key id")
    return config
