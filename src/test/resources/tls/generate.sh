#!/bin/sh
# Regenerates the TEST-ONLY certificates of this folder (run once, from this folder; needs openssl 1.1.1+).
# Validity 36500 days so the tests never expire. The CA's private key is deleted at the end: nothing can
# sign with it again, and no key that matters is ever committed.
set -e
# 1. a test CA
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca-key.pem -out ca.pem -days 36500 \
  -subj "/CN=bench-suite test CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
# 2. a server certificate for localhost and 127.0.0.1, signed by that CA
sign() { # $1 = file prefix, $2 = common name, $3 = subjectAltName
  openssl req -newkey rsa:2048 -nodes -keyout "$1-key.pem" -out "$1.csr" -subj "/CN=$2"
  printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=%s\n' "$3" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca-key.pem -CAcreateserial -out "$1.pem" -days 36500 -extfile "$1.ext"
  rm -f "$1.csr" "$1.ext"
}
sign server localhost "DNS:localhost,IP:127.0.0.1"
# 3. a certificate from the same CA for another host name: trusted, but not valid for 127.0.0.1
sign wrong-host other.invalid "DNS:other.invalid"
# 4. an unrelated self-signed CA: a wrong trust anchor
openssl req -x509 -newkey rsa:2048 -nodes -keyout /dev/null -out other-ca.pem -days 36500 \
  -subj "/CN=unrelated test CA" -addext "basicConstraints=critical,CA:TRUE"
rm -f ca-key.pem ca.srl
chmod 644 ./*.pem
