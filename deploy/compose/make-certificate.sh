#!/usr/bin/env sh
# A self-signed certificate for the compose proxy (HAProxy wants the certificate and key in one file).
set -eu
host="${1:-leerlog.localhost}"
cd "$(dirname "$0")"
openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=$host" -addext "subjectAltName=DNS:$host" \
  -keyout key.pem -out cert.pem 2>/dev/null
cat cert.pem key.pem > certificate.pem
rm cert.pem key.pem
echo "deploy/compose/certificate.pem for $host"
