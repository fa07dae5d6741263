"""Reads an e-mail message back with Python's own parser, for clerk's tests.

    python3 tests/support/eml_dump.py FILE.eml [FOLDER]

Prints JSON: `headers` (name → list of decoded values, in order), `raw_header_names`,
`structure` (content types of the parts, depth first), `text` and `html` (the decoded bodies),
`attachments` (file name, content type, size, and where its bytes were saved when FOLDER is
given), and `defects` (what the parser found wrong).
"""

import email
import email.policy
import json
import os
import sys


def main():
    path = sys.argv[1]
    folder = sys.argv[2] if len(sys.argv) > 2 else None
    with open(path, "rb") as f:
        raw = f.read()
    message = email.message_from_bytes(raw, policy=email.policy.default)
    headers = {}
    for name, value in message.items():
        headers.setdefault(name, []).append(str(value))
    out = {
        "headers": headers,
        "raw_header_names": [name for name, _ in message.raw_items()],
        "structure": [part.get_content_type() for part in message.walk()],
        "text": None,
        "html": None,
        "attachments": [],
        "defects": [str(d) for part in message.walk() for d in part.defects],
    }
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    out["text"] = plain.get_content() if plain is not None else None
    out["html"] = html.get_content() if html is not None else None
    for part in message.iter_attachments():
        data = part.get_payload(decode=True) or b""
        entry = {
            "filename": part.get_filename(),
            "content_type": part.get_content_type(),
            "disposition": part.get_content_disposition(),
            "size": len(data),
        }
        if folder:
            os.makedirs(folder, exist_ok=True)
            saved = os.path.join(folder, os.path.basename(part.get_filename() or "attachment"))
            with open(saved, "wb") as f:
                f.write(data)
            entry["saved"] = saved
        out["attachments"].append(entry)
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
