"""A loopback SMTP server for clerk's e-mail tests (aiosmtpd), storing what it accepts.

    python3 tests/support/smtp_sink.py FOLDER

Listens on 127.0.0.1 at a free port and prints `ready PORT` once it accepts connections. Runs
until its standard input closes (the test ends) or it is killed. Each message it accepts is
stored as FOLDER/NNN.eml (the bytes as received) with FOLDER/NNN.json (envelope sender and
recipients, the login used). It offers AUTH PLAIN and LOGIN without TLS and accepts only the
user `clerk` with password `secret`; it refuses any recipient whose address starts with
`nobody@` (550). It offers no STARTTLS.
"""

import json
import os
import socket
import sys

try:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword
except ImportError:
    print("aiosmtpd is not installed: run `pip install aiosmtpd` (or apt-get install python3-aiosmtpd)",
          file=sys.stderr, flush=True)
    sys.exit(3)


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().startswith("nobody@"):
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        stem = os.path.join(self.folder, "%03d" % self.count)
        with open(stem + ".eml", "wb") as f:
            f.write(envelope.original_content)
        login = session.auth_data.decode() if isinstance(session.auth_data, bytes) else None
        with open(stem + ".json", "w") as f:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos, "login": login}, f)
        return "250 Message accepted for delivery"


def authenticate(server, session, envelope, mechanism, auth_data):
    if isinstance(auth_data, LoginPassword) and auth_data.login == b"clerk" and auth_data.password == b"secret":
        return AuthResult(success=True, auth_data=auth_data.login)
    return AuthResult(success=False, handled=False)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)
    controller = None
    for _ in range(5):
        try:
            controller = Controller(Sink(folder), hostname="127.0.0.1", port=free_port(),
                                    authenticator=authenticate, auth_require_tls=False,
                                    decode_data=False)
            controller.start()
            break
        except Exception as e:  # the port was taken in between: try another
            error = e
            controller = None
    if controller is None:
        print("cannot start the SMTP server: %s" % error, file=sys.stderr, flush=True)
        sys.exit(4)
    print("ready %d" % controller.port, flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
