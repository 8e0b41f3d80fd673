"""Every refusal the centre can answer with: HTTP status, code and a short Khmer and English text.

One table, so the API, its OpenAPI description, the tests and docs/central.md agree on
what each code means. A branch shows `message` to the manager as it is, so each text is
a plain sentence a branch manager can act on.
"""

from __future__ import annotations

from typing import Final

from sync.protocol import Message

#: code -> (HTTP status, message). Every error body the API sends uses one of these codes.
ERRORS: Final[dict[str, tuple[int, Message]]] = {
    "malformed": (
        400,
        Message("សំណើមិនត្រឹមត្រូវតាមទម្រង់ដែលបានកំណត់។", "The request does not follow the protocol."),
    ),
    "unsupported_version": (
        400,
        Message(
            "មជ្ឈមណ្ឌលមិនស្គាល់កំណែពិធីការនេះទេ។ សូមធ្វើបច្ចុប្បន្នភាពកម្មវិធី។",
            "The centre does not speak this protocol version. Update the application.",
        ),
    ),
    "unsupported_suite": (
        400,
        Message("វិធីសាស្ត្រអ៊ិនគ្រីបនេះមិនត្រូវបានគាំទ្រទេ។", "This encryption suite is not supported."),
    ),
    "unknown_device": (
        401,
        Message("ឧបករណ៍នេះមិនទាន់បានចុះឈ្មោះនៅមជ្ឈមណ្ឌលទេ។", "This device is not enrolled with the centre."),
    ),
    "device_revoked": (
        403,
        Message("ឧបករណ៍នេះត្រូវបានដកសិទ្ធិ។ សូមទាក់ទងមជ្ឈមណ្ឌល។", "This device has been revoked. Contact the centre."),
    ),
    "unknown_centre_key": (
        422,
        Message(
            "សោរបស់មជ្ឈមណ្ឌលបានផ្លាស់ប្ដូរ។ សូមយកសោថ្មី ហើយផ្ញើម្ដងទៀត។",
            "The centre's key has changed. Fetch the new key and send again.",
        ),
    ),
    "bad_signature": (
        401,
        Message("ហត្ថលេខាឌីជីថលមិនត្រឹមត្រូវទេ។", "The digital signature is not valid."),
    ),
    "timestamp_out_of_range": (
        401,
        Message(
            "ម៉ោងរបស់ឧបករណ៍ខុសពីម៉ោងមជ្ឈមណ្ឌលច្រើនពេក។ សូមកែម៉ោង។",
            "The device's clock is too far from the centre's. Set the clock.",
        ),
    ),
    "batch_id_reused": (
        422,
        Message("លេខសម្គាល់បាច់នេះបានប្រើរួចហើយ ជាមួយទិន្នន័យផ្សេង។", "This batch id was already used with other contents."),
    ),
    "batch_in_progress": (
        409,
        Message("បាច់នេះកំពុងដំណើរការ។ សូមព្យាយាមម្ដងទៀតបន្តិចក្រោយ។", "This batch is being processed. Try again shortly."),
    ),
    "stale_sequence": (
        409,
        Message(
            "លេខលំដាប់បាច់នេះមិនលើសលេខចុងក្រោយដែលមជ្ឈមណ្ឌលបានទទួលទេ។",
            "The batch sequence is not above the last one the centre received.",
        ),
    ),
    "payload_unopenable": (
        422,
        Message("មិនអាចបើកទិន្នន័យដែលបានអ៊ិនគ្រីបបានទេ។", "The encrypted payload does not open with the centre's key."),
    ),
    "digest_mismatch": (
        422,
        Message(
            "ទិន្នន័យមិនត្រូវគ្នានឹងតម្លៃផ្ទៀងផ្ទាត់ក្នុងក្បាលបាច់ទេ។", "The payload does not match the digest in the batch header."
        ),
    ),
    "payload_unreadable": (
        422,
        Message("មិនអាចពន្លាទិន្នន័យបានទេ។", "The payload cannot be decompressed."),
    ),
    "payload_too_large": (
        413,
        Message("ទិន្នន័យធំពេក។ សូមផ្ញើជាបាច់តូចៗ។", "The payload is too large. Send smaller batches."),
    ),
    "count_mismatch": (
        422,
        Message("ចំនួនកំណត់ត្រាមិនត្រូវគ្នានឹងក្បាលបាច់ទេ។", "The number of records does not match the batch header."),
    ),
    "enrolment_code_invalid": (
        403,
        Message("លេខកូដចុះឈ្មោះមិនត្រឹមត្រូវ បានប្រើរួច ឬផុតកំណត់។", "The enrolment code is not valid, already used or expired."),
    ),
    "device_already_enrolled": (
        409,
        Message("ឧបករណ៍នេះបានចុះឈ្មោះរួចហើយ។", "This device is already enrolled."),
    ),
    "not_found": (
        404,
        Message("រកមិនឃើញអាសយដ្ឋាននេះទេ។", "There is nothing at this address."),
    ),
    "method_not_allowed": (
        405,
        Message("វិធីសាស្ត្រនេះមិនត្រូវបានអនុញ្ញាតនៅអាសយដ្ឋាននេះទេ។", "This method is not allowed at this address."),
    ),
    "internal_error": (
        500,
        Message("មានបញ្ហានៅមជ្ឈមណ្ឌល។ សូមព្យាយាមម្ដងទៀតពេលក្រោយ។", "The centre had a problem. Try again later."),
    ),
}

#: Per-record reasons (in a batch answer, or in the status feed).
PROBABLE_DUPLICATE: Final = Message(
    "លេខអត្តសញ្ញាណនេះបានចុះឈ្មោះរួចហើយនៅសាខាផ្សេង។ កំណត់ត្រានេះកំពុងរង់ចាំការពិនិត្យ។",
    "This ID number is already registered at another branch. The record is held for review.",
)
RECORD_ID_CONFLICT: Final = Message(
    "លេខសម្គាល់កំណត់ត្រានេះជាន់នឹងកំណត់ត្រារបស់សាខាផ្សេង។",
    "This record id is already used by another branch's record.",
)
SUPERSEDES_OTHER_BRANCH: Final = Message(
    "កំណត់ត្រាដែលត្រូវកែ មិនមែនជារបស់សាខានេះទេ។",
    "The record this one corrects does not belong to this branch.",
)
ALREADY_SUPERSEDED: Final = Message(
    "កំណត់ត្រាដែលត្រូវកែ ត្រូវបានកែរួចហើយ។ សូមកែកំណត់ត្រាថ្មីបំផុត។",
    "The record this one corrects was already corrected. Correct the latest version.",
)
APPROVED: Final = Message("កំណត់ត្រាត្រូវបានអនុម័ត។", "The record was approved.")


def error_status(code: str) -> int:
    """The HTTP status that goes with an error code."""
    return ERRORS[code][0]


def error_body(code: str, **extra: object) -> dict[str, object]:
    """The JSON body of an error answer: `{"error": code, "message": {...}, **extra}`."""
    return {"error": code, "message": ERRORS[code][1].to_json(), **extra}
