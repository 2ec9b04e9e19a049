#!/bin/sh
# Set up local printing for tests: CUPS, the CUPS-PDF backend and a queue named "PDF".
# Idempotent: installs packages (apt-get) only when running as root and they are missing,
# starts cupsd when it is not running, adds the PDF queue when it is missing.
# As a non-root user it changes nothing and exits 0 with a message.
set -eu

QUEUE="${XMART_PDF_QUEUE:-PDF}"
PPD=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd

if [ "$(id -u)" -ne 0 ]; then
    echo "setup-cups: not root, leaving printing setup alone (CUPS tests run only if queue $QUEUE exists)."
    exit 0
fi

missing=""
command -v cupsd >/dev/null 2>&1 || [ -x /usr/sbin/cupsd ] || missing="$missing cups"
[ -f "$PPD" ] || missing="$missing cups-pdf"
command -v lp >/dev/null 2>&1 || missing="$missing cups-client"
command -v pdftoppm >/dev/null 2>&1 || missing="$missing poppler-utils"
if [ -n "$missing" ]; then
    echo "setup-cups: installing$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq $missing >/dev/null
fi

if ! lpstat -r 2>/dev/null | grep -q "scheduler is running"; then
    echo "setup-cups: starting cupsd"
    /usr/sbin/cupsd
    i=0
    until lpstat -r 2>/dev/null | grep -q "scheduler is running"; do
        i=$((i + 1))
        if [ "$i" -gt 50 ]; then
            echo "setup-cups: cupsd did not start" >&2
            exit 1
        fi
        sleep 0.2
    done
fi

if ! lpstat -p "$QUEUE" >/dev/null 2>&1; then
    echo "setup-cups: adding queue $QUEUE"
    lpadmin -p "$QUEUE" -v cups-pdf:/ -P "$PPD" -E
fi
cupsenable "$QUEUE" 2>/dev/null || true
cupsaccept "$QUEUE" 2>/dev/null || true

out="$(sed -n 's/^Out[[:space:]]\+//p' /etc/cups/cups-pdf.conf 2>/dev/null | head -n 1)"
echo "setup-cups: queue $QUEUE ready; CUPS-PDF writes to ${out:-\${HOME\}/PDF}"
